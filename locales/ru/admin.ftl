## Панель администратора: меню, сотрудники, статистика, доска заказов

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
admin-orders =
    <b>📦 Заказы</b>
    Выберите состояние.
admin-orders-state = <b>📦 Заказы: { $state }</b> (всего: { $total })
admin-orders-none = <b>📦 Заказы: { $state }</b>
    Таких заказов нет.
admin-order-executor = Исполнитель: { $name }
admin-order-no-executor = —
