## Общие тексты
start-greeting =
    Здравствуйте, <b>{ $name }</b>! 👋
    Это бот веб-студии <b>PHOENIX</b>: здесь можно выбрать и заказать наши услуги, получить помощь поддержки и узнавать о новинках.

    /catalog — каталог услуг
    /help — все команды
error-generic = Что-то пошло не так. Мы уже разбираемся — попробуйте ещё раз чуть позже.
unknown-input = Не понял сообщение. Список команд — /help.
button-outdated = Эта кнопка устарела.
cancel-done = Действие отменено.
cancel-nothing = Отменять нечего.
not-allowed = Это действие вам недоступно.

## Помощь
help-customer =
    <b>Что умеет бот</b>
    { $commands }
help-support =
    <b>Команды агента поддержки</b>
    { $commands }
help-admin =
    <b>Команды администратора</b>
    { $commands }
help-owner =
    <b>Команды владельца</b>
    { $commands }

## Меню команд
cmd-start = Начать
cmd-help = Помощь
cmd-cancel = Отменить текущее действие
cmd-catalog = Каталог услуг
cmd-orders = Мои заказы
cmd-support = Написать в поддержку
cmd-settings = Настройки рассылки
cmd-tickets = Тикеты поддержки
cmd-admin = Панель администратора

## Проверка подписки на канал
gate-required = Чтобы пользоваться ботом, подпишитесь на наш канал, затем нажмите «Я подписался».
gate-btn-subscribe = Подписаться на канал
gate-btn-check = Я подписался
gate-still-not-subscribed = Подписка пока не найдена. Подпишитесь на канал и нажмите кнопку ещё раз.
gate-thanks = Спасибо за подписку!
gate-confirmed = ✅ Подписка подтверждена. Добро пожаловать!
gate-owner-warning =
    ⚠️ Бот не может проверить подписку на канал { $channel }: { $reason }.
    Пока проблема не решена, пользователи проходят без проверки. Сделайте бота администратором канала и проверьте CHANNEL_ID.

## Панель администратора (/admin): меню, сотрудники, статистика
admin-refused = Панель администратора доступна только владельцам и администраторам.
admin-menu =
    <b>⚙️ Панель администратора</b>
    Выберите раздел.
admin-btn-products = 🛍 Товары
admin-btn-promo = 🏷 Промокоды
admin-btn-orders = 📦 Заказы
admin-btn-staff = 👥 Сотрудники
admin-btn-stats = 📊 Статистика
admin-btn-ads = 📣 Реклама
admin-btn-back = ◀ Назад
admin-btn-cancel = ✖ Отмена
admin-btn-confirm-delete = 🗑 Да, удалить
admin-role-owner = владелец
admin-role-admin = администратор
admin-role-support = агент поддержки
admin-role-customer = клиент
admin-staff-list =
    <b>👥 Сотрудники</b>
    🛡 — администратор, 🎧 — агент поддержки, ⏸ — уведомления на паузе.
    Выберите сотрудника или добавьте нового.
admin-staff-empty =
    <b>👥 Сотрудники</b>
    Пока никого нет. Пригласите агента ссылкой или добавьте по Telegram ID.
admin-staff-btn-invite-support = ➕ Пригласить агента
admin-staff-btn-invite-admin = ➕ Пригласить админа
admin-staff-btn-add-id = 🔢 Добавить по Telegram ID
admin-staff-btn-make-admin = 🛡 Сделать администратором
admin-staff-btn-make-support = 🎧 Сделать агентом
admin-staff-btn-remove = 🗑 Удалить
admin-staff-member =
    <b>{ $name }</b>
    Telegram ID: <code>{ $id }</code>
    Роль: { $role }
    Уведомления: { $status }
    В команде с { $since }
admin-staff-not-started = ещё не запускал бота
admin-staff-paused = на паузе
admin-staff-active = включены
admin-staff-gone = Этого сотрудника уже нет в списке.
admin-staff-owner-only = Назначать и снимать администраторов может только владелец.
admin-staff-invite =
    <b>Приглашение: { $role }</b>
    Отправьте эту ссылку человеку, которого хотите добавить:
    { $link }

    Ссылка одноразовая и действует 24 часа.
admin-staff-ask-id = Отправьте числовой Telegram ID нового агента поддержки (например, 123456789). Узнать его можно у @userinfobot.
admin-staff-bad-id = Это не Telegram ID: нужно положительное целое число, только цифры. Попробуйте ещё раз.
admin-staff-is-owner = Это владелец бота: у него и так есть все права.
admin-staff-already = Этот человек уже в команде.
admin-staff-added = ✅ Агент поддержки добавлен.
admin-staff-remove-confirm =
    Удалить <b>{ $name }</b> из сотрудников?
    Тикеты, которые он ведёт, вернутся в общую очередь.
admin-staff-removed = Сотрудник удалён. Возвращено тикетов в очередь: { $tickets }.
admin-staff-you-are-staff = Вас добавили в команду PHOENIX, ваша роль: { $role }. Команды — в /help.
admin-staff-role-changed = Ваша роль в команде PHOENIX изменена: { $role }. Команды — в /help.
admin-staff-you-are-removed = Вы больше не сотрудник PHOENIX. Спасибо за работу!
admin-invite-welcome =
    🎉 Добро пожаловать в команду PHOENIX! Ваша роль: { $role }.
    Новые тикеты приходят вам уведомлениями; поставить их на паузу можно в /tickets. Команды — в { $help }.
admin-invite-unknown = Ссылка-приглашение не найдена. Попросите новую.
admin-invite-used = Эта ссылка-приглашение уже использована. Попросите новую.
admin-invite-expired = Срок действия ссылки-приглашения истёк. Попросите новую.
admin-invite-owner = Вы владелец бота: приглашение вам не нужно.
admin-stats =
    <b>📊 Статистика</b>

    <b>Пользователи:</b> { $users }
    новых за 7 дней: { $new7 }, за 30 дней: { $new30 }
    заблокировали бота: { $blocked }

    <b>Заказы:</b> новые { $created }, в работе { $inWork }, выполнены { $done }, отменены { $cancelled }
    <b>Выручка</b> (выполненные заказы): { $revenue }
    <b>Конверсия:</b> { $conversion } (заказывали { $buyers } из { $users })

    <b>Тикеты:</b> открыты { $ticketsOpen }, закрыты { $ticketsClosed }
    <b>Среднее время первого ответа:</b> { $firstResponse }
    <b>Средняя оценка:</b> { $rating } (оценок: { $rated })
admin-stats-none = —
admin-stats-btn-chart = 📈 График за 30 дней
admin-stats-chart-wait = Рисую график…
admin-chart-title = Заказы и новые пользователи за { $days } дней
admin-chart-orders = Заказы
admin-chart-users = Новые пользователи
admin-chart-caption = 📈 За { $days } дней: заказов — { $orders }, новых пользователей — { $users }.
admin-duration-seconds = { $s } с
admin-duration-minutes = { $m } мин
admin-duration-hours = { $h } ч { $m } мин
admin-duration-days = { $d } д { $h } ч

## Поддержка: сторона клиента (/support, режим ожидания, оценка)
support-staff-use-tickets = Вы сотрудник поддержки: тикеты клиентов — в /tickets.
support-ask =
    ✍️ Опишите проблему одним сообщением, до 200 символов. Можно отправить фото с подписью.
    /cancel — отмена
support-too-long = Получилось { $n ->
    [one] { $n } символ
    [few] { $n } символа
   *[many] { $n } символов
}, а можно не больше 200. Сократите текст и отправьте ещё раз.
support-need-caption = Добавьте к фото подпись с описанием проблемы (до 200 символов).
support-text-only = Опишите проблему текстом или отправьте фото с подписью.
support-created =
    ✅ Тикет <b>#{ $id }</b> создан. Агенты поддержки уже получили уведомление.
    Пока тикет не закрыт, бот работает в режиме поддержки: пишите сюда, и сообщения дойдут до агента.
support-waiting =
    ⏳ Ваш тикет <b>#{ $id }</b> открыт. Пока он не закрыт, бот работает в режиме поддержки: просто пишите сюда, и сообщения дойдут до агента.
    Чтобы закрыть тикет самому, нажмите «Отозвать тикет».
support-waiting-alert = Ваш тикет #{ $id } открыт. Напишите сообщение в чат или отзовите тикет.
support-waiting-unsupported = До поддержки доходят только текст и фото. Ваш тикет #{ $id } открыт.
support-message-saved = ✉️ Добавлено в тикет #{ $id }. Агент увидит это, когда возьмёт тикет.
support-btn-withdraw = ↩️ Отозвать тикет
support-withdrawn = ↩️ Тикет #{ $id } отозван. Бот снова доступен.
support-withdraw-gone = Этот тикет уже не открыт.
support-taken = 👤 Вашим тикетом #{ $id } занимается { $agent }.
support-agent-message =
    💬 <b>{ $agent }</b> (поддержка), тикет #{ $id }:
    { $text }
support-closed =
    ✅ Тикет #{ $id } закрыт. Бот снова доступен.
    Оцените, пожалуйста, помощь от 1 до 5:
support-reopened =
    🔄 Тикет #{ $id } снова открыт. Бот опять в режиме поддержки: пишите сюда, и сообщения дойдут до агента.
support-redirected = 🔀 Ваш тикет #{ $id } передан агенту { $agent }.
support-requeued = ⏳ Ваш тикет #{ $id } ждёт другого агента.
support-rated = Спасибо! Ваша оценка тикета #{ $id }: { $stars }
support-rate-thanks = Спасибо за оценку!
support-rate-already = Вы уже оценили этот тикет.
support-rate-unavailable = Этот тикет сейчас нельзя оценить.

## Поддержка: сторона агента (/tickets, уведомления, переписка)
tickets-staff-only = Тикеты доступны только сотрудникам поддержки.
tickets-list-open = <b>🎫 Открытые тикеты</b>: { $n }
tickets-list-work = <b>🎫 Тикеты в работе</b>: { $n }
tickets-list-closed = <b>🎫 Закрытые тикеты</b>: { $n }
tickets-list-empty = Здесь пока пусто.
tickets-list-pick = Выберите тикет.
tickets-tab-open = Открытые ({ $n })
tickets-tab-work = В работе ({ $n })
tickets-tab-closed = Закрытые ({ $n })
tickets-state-created = 🆕 открыт
tickets-state-in_work = 🛠 в работе
tickets-state-closed = ✅ закрыт
tickets-no-agent = —
tickets-card =
    <b>🎫 Тикет #{ $id }</b> — { $state }
    Клиент: { $customer }
    Создан: { $created }
    Агент: { $agent }{ $extra }
    <blockquote>{ $text }</blockquote>
tickets-card-photo = {"\u000A"}📷 Приложено фото (см. историю переписки).
tickets-card-rating = {"\u000A"}Оценка: { $stars }
tickets-card-closed-at = {"\u000A"}Закрыт: { $closed }
tickets-new =
    🆕 <b>Новый тикет #{ $id }</b> от { $customer }:
    { $text }
tickets-requeued =
    🔁 <b>Тикет #{ $id }</b> от { $customer } вернулся в очередь:
    { $text }
tickets-taken-by = 🎫 Тикет #{ $id } от { $customer } — взял в работу { $agent }.
tickets-withdrawn-note = 🎫 Тикет #{ $id } от { $customer } отозван клиентом.
tickets-closed-note = 🎫 Тикет #{ $id } от { $customer } закрыл { $agent }.
tickets-take-ok = Вы взяли тикет #{ $id } в работу.
tickets-already-taken = Тикет #{ $id } уже взял в работу { $agent }.
tickets-gone = Такого тикета нет.
tickets-already-closed = Тикет #{ $id } уже закрыт.
tickets-not-closed = Тикет #{ $id } не закрыт.
tickets-not-taken = Сначала возьмите тикет #{ $id } в работу.
tickets-reply-prompt =
    ✍️ Теперь ваши сообщения (текст или фото) уходят клиенту по тикету #{ $id }. Можно и просто ответить (reply) на пересланное сообщение клиента.
    /cancel — закончить ответ
tickets-reply-sent = ✅ Отправлено в тикет #{ $id }.
tickets-reply-ended = Отвечать в тикет #{ $id } вы больше не можете; режим ответа завершён.
tickets-reply-unsupported = Клиенту можно отправить только текст или фото.
tickets-undelivered = ⚠️ Сообщение сохранено в тикете #{ $id }, но доставить его клиенту не удалось (возможно, он заблокировал бота).
tickets-relay-from-customer =
    💬 <b>#{ $id }</b> · { $customer }:
    { $text }
tickets-closed-ok = Тикет #{ $id } закрыт.
tickets-reopened-ok = Тикет #{ $id } снова открыт.
tickets-reopen-has-open = У клиента уже есть другой открытый тикет.
tickets-redirect-pick = 🔀 Кому передать тикет #{ $id }?
tickets-redirect-none = Других активных агентов нет.
tickets-redirect-ok = Тикет #{ $id } передан агенту { $agent }.
tickets-redirect-bad = Этот агент сейчас не активен.
tickets-redirect-same = Тикет уже у этого агента.
tickets-redirected-to-you = 🔀 { $actor } передал вам тикет #{ $id }.
tickets-redirected-away = 🔀 { $actor } передал тикет #{ $id } агенту { $agent }.
tickets-customer-withdrew = ↩️ Клиент отозвал тикет #{ $id }.
tickets-reopened-to-you = 🔄 { $actor } снова открыл тикет #{ $id }, он снова ваш.
tickets-closed-by-other = ✅ { $actor } закрыл тикет #{ $id }.
tickets-transcript-header = <b>📜 История тикета #{ $id }</b>
tickets-transcript-line =
    <b>{ $author }</b> · { $time }
    { $text }
tickets-transcript-customer = { $name } (клиент)
tickets-transcript-agent = { $name } (поддержка)
tickets-transcript-photo = 📷 фото
tickets-notifications-on = 🔔 Уведомления о новых тикетах включены.
tickets-notifications-off = 🔕 Уведомления о новых тикетах выключены.
tickets-btn-take = 🛠 Взять в работу
tickets-btn-reply = ✍️ Ответить
tickets-btn-close = ✅ Закрыть
tickets-btn-reopen = 🔄 Открыть снова
tickets-btn-redirect = 🔀 Передать
tickets-btn-assign = 🔀 Назначить
tickets-btn-transcript = 📜 История
tickets-btn-back = ⬅️ К списку
tickets-btn-notifications-on = 🔔 Уведомления: вкл
tickets-btn-notifications-off = 🔕 Уведомления: выкл

## Каталог (issue B)
catalog-empty = Каталог пока пуст — мы готовим новые услуги. Загляните чуть позже! 🙌
catalog-card =
    <b>{ $title }</b>
    { $description }

    💰 Цена: <b>{ $price }</b>
    ⏱ Срок: { $deadline }
catalog-days = { $n ->
    [one] { $n } день
    [few] { $n } дня
   *[many] { $n } дней
}
catalog-btn-order = 🛒 Заказать
catalog-btn-all = 📋 Весь каталог
catalog-product-unavailable = Эта услуга сейчас недоступна. Посмотрите другие в /catalog.
catalog-product-not-found = Такой услуги нет в каталоге. Посмотрите /catalog.
catalog-error-title-empty = Название не может быть пустым.
catalog-error-title-too-long = Название длиннее { $titleMax } символов.
catalog-error-title-taken = Услуга с таким названием уже есть.
catalog-error-description-empty = Описание не может быть пустым.
catalog-error-description-too-long = Описание длиннее { $descriptionMax } символов.
catalog-error-price-invalid = Цена — целое число рублей от 0, например 15000.
catalog-error-deadline-invalid = Срок — целое число дней от 1 до { $deadlineMax }.
catalog-error-image-invalid = Пришлите фотографию.

## Оформление заказа (issue B)
order-ask-email =
    Оформляем заказ: <b>{ $title }</b>.

    Укажите email для связи — на него придут детали заказа.
order-ask-email-saved =
    Оформляем заказ: <b>{ $title }</b>.

    Укажите email для связи или используйте сохранённый: { $email }
order-btn-use-email = Использовать { $email }
order-btn-cancel = ✖️ Отменить
order-email-invalid = «{ $input }» не похоже на email. Пример: name@example.com. Попробуйте ещё раз.
order-email-taken = Этот email уже указан другим пользователем. Введите другой адрес.
order-ask-promo = Есть промокод? Отправьте его сообщением или нажмите «Без промокода».
order-btn-skip-promo = Без промокода
order-promo-unknown = Промокод «{ $code }» не найден.
order-promo-inactive = Промокод «{ $code }» отключён.
order-promo-expired = Срок действия промокода «{ $code }» истёк.
order-promo-not-for-product = Промокод «{ $code }» не действует на эту услугу.
order-promo-used-up = Промокод «{ $code }» уже израсходован.
order-promo-already-used-by-you = Вы уже использовали промокод «{ $code }».
order-promo-retry = Отправьте другой код или нажмите «Без промокода».
order-summary =
    <b>Проверьте заказ</b>

    Услуга: <b>{ $title }</b>
    Цена: { $price }
    { $discountLine }
    <b>Итого: { $final }</b>
    Email: { $email }
    Срок выполнения: { $deadline }
order-summary-discount = Скидка: −{ $discount } (промокод { $code })
order-summary-no-discount = Скидка: нет
order-btn-confirm = ✅ Подтвердить
order-confirm-hint = Нажмите «Подтвердить» или «Отменить» под сводкой заказа.
order-placed =
    🎉 Заказ <b>№{ $id }</b> оформлен!
    Ожидаем исполнителя — мы сообщим, когда заказ возьмут в работу. Ваши заказы — /orders.
order-already-placed = Заказ №{ $id } уже оформлен.
order-dialog-cancelled = Оформление заказа отменено, ничего не сохранено.
order-product-gone = Эта услуга больше недоступна. Посмотрите другие в /catalog.
order-dialog-outdated = Это оформление уже завершено. Начните заново в /catalog.
order-text-expected = Пришлите ответ текстом.

## Заказы: карточка и действия персонала (issue B)
order-new-title = 🔔 <b>Новый заказ!</b>
order-card-title = 📦 <b>Заказ №{ $id }</b> · { $state }
order-card-product = Услуга: { $title }
order-card-price = Цена: { $price }
order-card-discount = Скидка: −{ $discount } (промокод { $code })
order-card-final = Итого: <b>{ $final }</b>
order-card-deadline = Срок: { $deadline }
order-card-customer = Клиент: { $name }
order-card-email = Email: { $email }
order-card-created = Создан: { $date }
order-card-executor = Исполнитель: { $name }
order-card-cancelled-by-customer = Отменён клиентом
order-card-cancel-reason = Причина отмены: { $reason }
order-state-created = 🆕 ждёт исполнителя
order-state-in-work = 🛠 в работе
order-state-done = ✅ выполнен
order-state-cancelled = ❌ отменён
order-btn-take = 🛠 Взять в работу
order-btn-done = ✅ Выполнен
order-btn-staff-cancel = ✖️ Отменить заказ
order-taken-by-you = Вы взяли заказ №{ $id } в работу.
order-already-taken = Заказ №{ $id } уже взял в работу { $name }.
order-wrong-state = Заказ №{ $id } сейчас: { $state }. Действие недоступно.
order-not-found = Заказ не найден.
order-done-ok = Заказ №{ $id } выполнен. Клиент уведомлён.
order-ask-cancel-reason = Напишите причину отмены заказа №{ $id } — её увидит клиент. /cancel — не отменять.
order-cancel-reason-too-long = Причина слишком длинная: не больше { $max } символов.
order-staff-cancelled = Заказ №{ $id } отменён. Клиент уведомлён.
order-notify-taken = 🛠 Ваш заказ №{ $id } «{ $title }» взят в работу. Исполнитель: { $name }.
order-notify-done = ✅ Ваш заказ №{ $id } «{ $title }» выполнен. Спасибо, что выбрали PHOENIX!
order-notify-cancelled =
    ❌ Ваш заказ №{ $id } «{ $title }» отменён.
    Причина: { $reason }

## Мои заказы (issue B)
orders-empty = У вас пока нет заказов. Выберите услугу в /catalog.
orders-title = <b>Мои заказы</b> ({ $total })
orders-line =
    <b>№{ $id }</b> · { $title } · { $final }
    { $state } · { $date }
orders-btn-cancel = ✖️ Отменить №{ $id }
orders-confirm-cancel = Отменить заказ №{ $id } «{ $title }»?
orders-btn-yes-cancel = Да, отменить
orders-btn-back = ← Назад
orders-cancelled = Заказ №{ $id } отменён.
orders-cannot-cancel = Заказ №{ $id } уже нельзя отменить: он { $state }.

## Панель администратора: товары и промокоды
admin-yes = да
admin-no = нет
admin-products = <b>🛍 Товары</b> (всего: { $total })
    🚫 — отключён и не виден покупателям. Выберите товар или создайте новый.
admin-products-empty = <b>🛍 Товары</b>
    Товаров пока нет — создайте первый.
admin-product-btn-new = ➕ Новый товар
admin-product-btn-edit-title = ✏️ Название
admin-product-btn-edit-description = ✏️ Описание
admin-product-btn-edit-image = 🖼 Фото
admin-product-btn-edit-price = 💰 Цена
admin-product-btn-edit-deadline = ⏱ Срок
admin-product-btn-disable = 🚫 Отключить
admin-product-btn-enable = ✅ Включить
admin-product-btn-delete = 🗑 Удалить
admin-product-btn-skip-photo = Без фото
admin-product-btn-remove-photo = Убрать фото
admin-product-btn-save = 💾 Сохранить
admin-product-view =
    <b>Товар #{ $id }: { $title }</b>
    { $description }

    Цена: { $price }
    Срок: { $deadline } дн.
    Фото: { $photo }
    Статус: { $status }
    Создан: { $created }, изменён: { $updated }
admin-product-active = в продаже
admin-product-disabled = 🚫 отключён
admin-product-ask-title = Введите название товара (до { $titleMax } символов, не должно совпадать с другими товарами).
admin-product-ask-description = Введите описание (до { $descriptionMax } символов).
admin-product-ask-image = Пришлите фото товара или нажмите «Без фото».
admin-product-ask-price = Введите цену в рублях — целое число от 0, например 15000.
admin-product-ask-deadline = Введите срок выполнения в днях — целое число больше 0.
admin-product-need-photo = Нужна фотография (именно фото, не файл).
admin-product-need-text = Нужен текст.
admin-product-use-buttons = Воспользуйтесь кнопками под последним сообщением.
admin-product-preview-intro = Так товар увидят покупатели в /catalog:
admin-product-saved = Сохранено
admin-product-created = ✅ Товар «{ $title }» создан.
admin-product-updated = ✅ Товар обновлён.
admin-product-cancelled = Отменено
admin-product-gone = Этого товара уже нет.
admin-product-enabled = Товар снова в продаже
admin-product-was-disabled = Товар отключён и скрыт из каталога
admin-product-delete-confirm =
    Удалить товар <b>{ $title }</b> навсегда?
    Он исчезнет из каталога и списков. Заказы сохранят его название и цену.
admin-product-deleted = Товар удалён
admin-promos = <b>🏷 Промокоды</b> (всего: { $total })
    Код · скидка · использовано/лимит. 🚫 — отключён.
admin-promos-empty = <b>🏷 Промокоды</b>
    Промокодов пока нет — создайте первый.
admin-promo-btn-new = ➕ Новый промокод
admin-promo-btn-edit-code = ✏️ Код
admin-promo-btn-edit-value = 💸 Скидка
admin-promo-btn-edit-product = 🛍 Товар
admin-promo-btn-edit-expiry = 📅 Срок
admin-promo-btn-edit-max = 🔢 Лимит
admin-promo-btn-edit-peruser = 👤 На человека
admin-promo-btn-disable = 🚫 Отключить
admin-promo-btn-enable = ✅ Включить
admin-promo-btn-skip-expiry = Бессрочно
admin-promo-btn-skip-max = Без лимита
admin-promo-btn-skip-peruser = 1 раз (по умолчанию)
admin-promo-btn-clear-expiry = Сделать бессрочным
admin-promo-btn-clear-max = Снять лимит
admin-promo-ask-code = Введите код: 3–32 символа — латинские буквы, цифры, «-» и «_». Регистр не важен.
admin-promo-ask-value = Введите скидку: процент, например <code>15%</code> (1–100%), или фиксированную сумму в рублях, например <code>500</code>.
admin-promo-ask-product = На какой товар действует код?
admin-promo-ask-expiry = До какой даты действует код (включительно)? Например, 31.12.2026.
admin-promo-ask-max = Сколько раз всего можно использовать код? Целое число больше 0.
admin-promo-ask-peruser = Сколько раз один покупатель может использовать код? Целое число больше 0.
admin-promo-bad-date = Не понял дату: напишите её как ДД.ММ.ГГГГ, например 31.12.2026.
admin-promo-past-date = Эта дата уже прошла: укажите будущую.
admin-promo-all-products = Все товары
admin-promo-no-expiry = бессрочно
admin-promo-details =
    Код: <code>{ $code }</code>
    Скидка: { $discount }
    Товар: { $product }
    Действует до: { $expires }
    Использован: { $uses } из { $max }
    На одного покупателя: { $perUser }
admin-promo-summary =
    <b>Проверьте промокод</b>
    { $details }
admin-promo-view =
    <b>🏷 Промокод</b>
    { $details }
    Статус: { $status }
admin-promo-active = активен
admin-promo-disabled = 🚫 отключён
admin-promo-saved = Сохранено
admin-promo-created = ✅ Промокод { $code } создан.
admin-promo-updated = ✅ Промокод обновлён.
admin-promo-gone = Этого промокода уже нет.
admin-promo-enabled = Промокод включён
admin-promo-was-disabled = Промокод отключён
admin-promo-delete-confirm =
    Удалить промокод <code>{ $code }</code>?
    Заказы, в которых он применён, сохранят свою скидку.
admin-promo-deleted = Промокод удалён

## Панель администратора: доска заказов
admin-orders =
    <b>📦 Заказы</b>
    Выберите состояние.
admin-orders-state = <b>📦 Заказы: { $state }</b> (всего: { $total })
admin-orders-none = <b>📦 Заказы: { $state }</b>
    Таких заказов нет.
admin-order-executor = Исполнитель: { $name }
admin-order-no-executor = —

## Панель администратора: ошибки промокодов
admin-promo-error-code-invalid = Код — от 3 до 32 символов: латинские буквы, цифры, «-» и «_».
admin-promo-error-code-taken = Такой код уже есть (регистр букв не различается).
admin-promo-error-value-invalid = Скидка — процент от 1 до 100 (например, 15%) или сумма в рублях больше 0 (например, 500).
admin-promo-error-max-uses-invalid = Лимит — целое число больше 0 и не меньше уже сделанных использований.
admin-promo-error-per-user-limit-invalid = Лимит на покупателя — целое число от 1 до 1000000.
admin-promo-error-expires-invalid = Неверная дата окончания.
admin-promo-error-product-unknown = Этого товара больше нет — выберите другой.

## Реклама (issue E)
bc-btn-unsubscribe = 🔕 Отписаться от новостей
bc-btn-open-product = 🛍 Открыть
bc-auto-new_product-text =
    🆕 В PHOENIX появилась услуга <b>{ $product }</b>!
    Посмотрите — нажмите кнопку ниже.
bc-auto-abandoned-text =
    { $name }, вы начали оформлять заказ <b>{ $product }</b>, но не закончили.
    Продолжите с того же места — нажмите кнопку ниже.
bc-auto-winback-text =
    { $name }, мы скучаем! Ваш личный промокод на скидку { $discount }% на любую услугу: <code>{ $code }</code>
    Он действует один раз и только для вас. /catalog
bc-auto-followup-text =
    { $name }, спасибо, что запустили бота PHOENIX! Уже выбрали услугу? Загляните в /catalog — мы с радостью поможем.
bc-auto-none-text = Новости PHOENIX
bc-progress =
    📣 <b>Рассылка #{ $id }</b> — { $state }
    { $bar }
    ✅ Доставлено: { $sent } (без подтверждения: { $unconfirmed })
    ❌ Ошибки: { $failed }
    🚫 Заблокировали бота: { $blocked }
    ⏭ Пропущено: { $skipped }
    👥 Всего: { $total }
    ⚡ Скорость: { $rate } сообщ./с · осталось { $eta }
bc-run-state-running = идёт отправка
bc-run-state-paused = на паузе
bc-run-state-cancelled = отменена
bc-run-state-done = завершена
bc-btn-pause = ⏸ Пауза
bc-btn-resume = ▶️ Продолжить
bc-btn-cancel-run = ✖️ Отменить
bc-btn-stats = 📊 Статистика
bc-btn-refresh = 🔄 Обновить
bc-run-paused = Поставлено на паузу.
bc-run-resumed = Продолжаем.
bc-run-cancelled = Отменено.
bc-run-unchanged = Нечего менять: рассылка не в этом состоянии.
bc-menu = 📣 <b>Реклама</b>
    Рассылки подписчикам и автоматические кампании.
bc-btn-new = ✍️ Новая рассылка
bc-btn-list = 📋 Рассылки
bc-btn-auto = 🤖 Автокампании
bc-ask-text =
    Пришлите текст рассылки в HTML (<code>&lt;b&gt;</code>, <code>&lt;i&gt;</code>, <code>&lt;a href="…"&gt;</code>…) или фото с текстом в подписи.
    <code>{"{"}name{"}"}</code> заменяется именем получателя. /cancel — отменить.
bc-bad-html = ⚠️ Telegram не примет этот текст: { $reason }. Исправьте и пришлите снова (символы &lt; &gt; &amp; пишите как <code>&amp;lt; &amp;gt; &amp;amp;</code>).
bc-draft =
    📝 <b>Черновик #{ $id }</b>
    Фото: { $photo }
    Кнопки:
    { $buttons }
    Аудитория: { $audience } — <b>{ $count }</b> { $count ->
        [one] получатель
        [few] получателя
       *[many] получателей
    }
    Когда: { $schedule }
bc-yes = да
bc-no = нет
bc-btn-preview = 👁 Предпросмотр
bc-btn-text = ✏️ Текст
bc-btn-add-url = 🔗 Кнопка-ссылка
bc-btn-add-product = 🛍 Кнопка-товар
bc-btn-clear-buttons = 🧹 Убрать кнопки
bc-btn-audience = 👥 Аудитория
bc-btn-schedule = 🕒 Расписание
bc-btn-confirm = ✅ Подтвердить
bc-btn-delete = 🗑 Удалить
bc-preview-sent = Предпросмотр ниже.
bc-ask-url = Пришлите кнопку в виде <code>Текст | https://example.com</code>.
bc-bad-url = ⚠️ Пришлите кнопку в виде <code>Текст | https://example.com</code> (ссылка http или https).
bc-pick-product = Какой товар откроет кнопка?
bc-no-products = Активных товаров нет.
bc-product-unavailable = Товар недоступен (или в черновике уже максимум кнопок).
bc-pick-audience = Кому отправить? (Отписавшиеся и заблокировавшие бота не получат никогда.)
bc-aud-all = Всем
bc-aud-customers = Покупателям с заказами
bc-aud-no_orders = Пользователям без заказов
bc-aud-abandoned = Начали заказ и не закончили
bc-aud-language = Язык: { $language }
bc-pick-schedule = Когда отправить? Время — { $tz }.
bc-btn-sched-now = Сейчас
bc-btn-sched-once = В дату и время
bc-btn-sched-daily = Каждый день
bc-btn-sched-weekly = Каждую неделю
bc-btn-sched-cron = Cron-выражение
bc-ask-once = Пришлите дату и время ({ $tz }), например <code>2026-12-31 18:00</code>.
bc-ask-daily = Пришлите время ({ $tz }), например <code>10:00</code>.
bc-ask-weekly = Пришлите день и время ({ $tz }), например <code>пн 10:00</code>.
bc-ask-cron = Пришлите cron-выражение из 5 полей ({ $tz }), например <code>0 10 * * 1-5</code>.
bc-bad-date = ⚠️ Пришлите будущие дату и время ({ $tz }) в виде <code>2026-12-31 18:00</code>.
bc-bad-daily = ⚠️ Пришлите время в виде <code>ЧЧ:ММ</code>.
bc-bad-weekly = ⚠️ Пришлите день ({ $days }, пн…вс) и время, например <code>пн 10:00</code>.
bc-bad-cron = ⚠️ Это не cron-выражение из 5 полей.
bc-sched-now = сразу после подтверждения
bc-sched-once = один раз, { $when }
bc-sched-recurring = повторяется (<code>{ $cron }</code>, { $tz }), следующая: { $when }
bc-confirm =
    Отправить <b>{ $count }</b> { $count ->
        [one] получателю
       *[other] получателям
    } ({ $audience }), { $schedule }?
bc-btn-go = 🚀 Да, отправить
bc-confirm-not_draft = Эта рассылка уже подтверждена.
bc-confirm-no_schedule = Сначала выберите, когда отправить.
bc-started = 🚀 Рассылка #{ $id } запущена: { $total } { $total ->
        [one] получатель
        [few] получателя
       *[many] получателей
    }. Ниже появится сообщение с прогрессом.
bc-scheduled = 🕒 Рассылка #{ $id } запланирована: { $schedule }.
bc-deleted = Черновик удалён.
bc-not-draft = Этого черновика больше нет или он уже подтверждён.
bc-not-found = Рассылка не найдена.
bc-list = 📋 Последние рассылки:
bc-list-empty = Рассылок пока нет.
bc-state-icon-draft = 📝
bc-state-icon-scheduled = 🕒
bc-state-icon-sent = ✅
bc-state-icon-cancelled = ✖️
bc-state-draft = черновик
bc-state-scheduled = запланирована
bc-state-sent = отправлена
bc-state-cancelled = отменена
bc-stats =
    📊 <b>Рассылка #{ $id }</b> — { $state }
    Когда: { $schedule }
    Запусков: { $runs } · получателей: { $total }
    ✅ Доставлено: { $delivered } (из них без подтверждения: { $unconfirmed })
    ❌ Ошибки: { $failed }
    🚫 Заблокировали: { $blocked }
    ⏭ Пропущено: { $skipped } · в очереди: { $pending }
    👆 Переходы: { $clicks } ({ $clickers } чел.)
    🛒 Заказы в течение 7 дней после перехода: { $orders }
bc-btn-unschedule = 🛑 Остановить расписание
bc-unscheduled = Расписание остановлено.
bc-not-scheduled = Рассылка не запланирована.
bc-link-invalid = Ссылка повреждена.
bc-auto = 🤖 <b>Автокампании</b> — каждую можно включить и выключить.
bc-camp-new_product = Новый или снова доступный товар
bc-camp-abandoned = Напоминание о незаконченном заказе
bc-camp-winback = Возврат с промокодом
bc-camp-followup = Сообщение после /start
bc-camp-new_product-about = Всем сообщаем о товаре, когда он добавлен или снова включён.
bc-camp-abandoned-about = Напоминание через { $n } ч после того, как пользователь бросил заказ (один раз на пользователя и товар).
bc-camp-winback-about = Личный одноразовый промокод на { $discount }% тем, кто не заходил { $n } дн.
bc-camp-followup-about = Сообщение через { $n } ч после /start тем, кто ещё не заказывал.
bc-camp-detail =
    <b>{ $name }</b> — { $state }
    { $about }
    Текст: { $text }
bc-camp-default-text = стандартный (на языке пользователя)
bc-on = ✅ включена
bc-off = ⛔ выключена
bc-btn-turn-on = ✅ Включить
bc-btn-turn-off = ⛔ Выключить
bc-btn-delay = ⏱ Задержка
bc-btn-discount = 💸 Скидка
bc-btn-camp-text = ✏️ Текст
bc-btn-camp-default = ↩️ Стандартный текст
bc-camp-turned-on = Включено.
bc-camp-turned-off = Выключено.
bc-camp-text-reset = Вернули стандартный текст.
bc-ask-delay-hours = Пришлите задержку в часах (1–720).
bc-ask-delay-days = Пришлите число дней без активности (1–365).
bc-ask-discount = Пришлите скидку в процентах (1–90).
bc-ask-camp-text = Пришлите текст в HTML. Подстановки: <code>{"{"}name{"}"}</code>, <code>{"{"}product{"}"}</code>, <code>{"{"}code{"}"}</code>, <code>{"{"}discount{"}"}</code>.
bc-bad-number = ⚠️ Пришлите целое число от 1 до { $max }.

## Настройки (отписка от новостей)
settings-ads-on = 📰 Вы получаете новости и предложения PHOENIX.
settings-ads-off = 🔕 Вы не получаете новости и предложения. Сообщения о заказах и поддержке приходят как обычно.
settings-btn-ads-off = 🔕 Отписаться от новостей
settings-btn-ads-on = 📰 Подписаться на новости
settings-unsubscribed = Вы отписались от новостей. Включить снова — /settings.
settings-subscribed = Вы снова будете получать новости и предложения.

## Staff QA: advertising fixes
bc-html-empty = ⚠️ В рассылке нет текста. Пришлите текст или фото с подписью.
bc-html-too-long = ⚠️ Текст длиннее { $max } символов — Telegram его не примет. Сократите и пришлите снова.
bc-confirm-past = Время рассылки уже прошло. Выберите новое в «Расписании».

## Checkout: customer QA fixes
order-price-changed = ⚠️ Цена услуги изменилась. Проверьте заказ ещё раз.
