## Реклама: рассылки и автоматические кампании

## Меню раздела
bc-menu = 📣 <b>Реклама</b>
    Рассылки подписчикам и автоматические кампании.
bc-btn-new = ✍️ Новая рассылка
bc-btn-list = 📋 Рассылки
bc-btn-auto = 🤖 Автокампании

## Текст рассылки
bc-ask-text =
    Пришлите текст рассылки. Оформите его прямо в Telegram — жирный, курсив, ссылки, спойлер сохранятся — или перешлите готовый пост. Можно фото с подписью.
    <code>{"{"}name{"}"}</code> заменяется именем получателя. Кто привык к HTML, может писать теги (<code>&lt;b&gt;</code>, <code>&lt;a href="…"&gt;</code>). /cancel — отменить.
bc-bad-html = ⚠️ Telegram не примет этот текст: { $problem } Исправьте и пришлите снова — или оформите текст кнопками Telegram, без тегов.
bc-html-tag = такого тега нет: <code>&lt;{ $tag }&gt;</code>. Работают <code>b, i, u, s, a, code, pre, blockquote, tg-spoiler</code>.
bc-html-escape = символ <code>{ $char }</code> в тексте нужно писать как <code>{ $escaped }</code>.
bc-html-entity = <code>{ $entity }</code> не поддерживается, работают только <code>&amp;lt; &amp;gt; &amp;amp; &amp;quot;</code>.
bc-html-mismatch = теги перепутаны: ожидался <code>&lt;/{ $expected }&gt;</code>, а стоит <code>&lt;/{ $found }&gt;</code>.
bc-html-unclosed = тег <code>&lt;{ $tag }&gt;</code> не закрыт.
bc-html-extra-end = лишний закрывающий тег.
bc-html-no-href = у ссылки <code>&lt;a&gt;</code> нет адреса (<code>href="https://…"</code>).
bc-html-broken = разметка HTML нарушена.
bc-html-bad-link = ⚠️ Ссылка <code>{ $link }</code> не откроется: Telegram пропустит её и оставит только текст. Укажите адрес, который начинается с https:// или http://, и пришлите текст снова.
bc-html-empty = ⚠️ В рассылке нет текста. Пришлите текст или фото с подписью.
bc-html-too-long = ⚠️ Текст длиннее { $max } символов — Telegram его не примет. Сократите и пришлите снова.

## Черновик
bc-draft =
    📝 <b>Черновик #{ $id }</b>
    <blockquote>{ $text }</blockquote>
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
bc-btn-add-button = ➕ Добавить кнопку
bc-btn-clear-buttons = 🧹 Убрать кнопки
bc-btn-audience = 👥 Аудитория
bc-btn-schedule = 🕒 Расписание
bc-btn-confirm = ✅ Подтвердить
bc-btn-delete = 🗑 Удалить
bc-preview-sent = Предпросмотр ниже.
bc-not-draft = Этого черновика больше нет или он уже подтверждён.
bc-deleted = Черновик удалён.

## Кнопки: надпись, затем ссылка или услуга из каталога
bc-ask-button-label = Какой будет надпись на кнопке? Например, <i>Записаться со скидкой</i>.
bc-bad-button-label = ⚠️ Надпись должна быть в одну строку и не длиннее { $max } символов.
bc-ask-button-target =
    Куда ведёт кнопка «{ $label }»?
    Пришлите ссылку (например, <code>https://example.com</code>) или выберите услугу из каталога.
bc-btn-target-product = 🛍 Услуга из каталога
bc-bad-url = ⚠️ Это не ссылка, которую откроет Telegram. Пришлите адрес, например <code>https://example.com</code>, или выберите услугу из каталога.
bc-pick-product = Какую услугу откроет кнопка?
bc-no-products = В каталоге нет доступных услуг.
bc-product-unavailable = Услуга недоступна (или в черновике уже максимум кнопок).

## Аудитория
bc-pick-audience = Кому отправить? (Отписавшиеся и заблокировавшие бота не получат никогда.)
bc-aud-all = Всем
bc-aud-customers = Покупателям с заказами
bc-aud-no_orders = Пользователям без заказов
bc-aud-abandoned = Начали заказ и не закончили
bc-aud-language = Язык: { $language }

## Расписание: выбор, шаги, подписи
bc-pick-schedule = Когда отправить? Дату и час указывайте { $zone }.
bc-btn-sched-now = Сейчас
bc-btn-sched-once = В дату и время
bc-btn-sched-daily = Каждый день
bc-btn-sched-weekly = Каждую неделю
bc-btn-sched-cron = Своё расписание
bc-zone-moscow = по московскому времени
bc-zone-named = по времени «{ $zone }» ({ $offset })
bc-zone-offset = по времени { $offset }
bc-ask-once = Пришлите дату и час { $zone }, например <code>{ $example }</code> или <code>завтра 10:00</code>.
bc-bad-date = ⚠️ Не получилось прочитать дату. Пришлите её так: <code>{ $example }</code> — или <code>сегодня 18:00</code>, <code>завтра 10:00</code>.
bc-past-date = ⚠️ { $when } { $zone } уже прошло. Пришлите время в будущем, например <code>{ $example }</code>.
bc-ask-daily = Во сколько отправлять каждый день? Пришлите час и минуты { $zone }, например <code>10:00</code>.
bc-bad-daily = ⚠️ Пришлите время в виде <code>10:00</code> — часы и минуты через двоеточие.
bc-ask-weekly = Пришлите день недели и час { $zone }, например <code>пн 10:00</code>.
bc-bad-weekly = ⚠️ Пришлите день недели (пн, вт, ср, чт, пт, сб, вс) и время, например <code>пн 10:00</code>.
bc-ask-cron =
    Пришлите расписание пятью полями через пробел { $zone }: минута, час, день месяца, месяц, день недели (<code>*</code> — любой).
    Например, <code>0 10 * * 1-5</code> — по будням в 10:00, <code>30 9 1 * *</code> — первого числа каждого месяца в 9:30.
bc-bad-cron = ⚠️ Не получилось прочитать расписание. Нужно пять полей через пробел, например <code>0 10 * * 1-5</code> — по будням в 10:00.
bc-sched-now = сразу после подтверждения
bc-sched-once = один раз, { $when } { $zone }
bc-sched-recurring = { $every } { $zone }, следующая — { $when }
bc-every-day = каждый день в { $time }
bc-every-week = { $day ->
        [1] по понедельникам
        [2] по вторникам
        [3] по средам
        [4] по четвергам
        [5] по пятницам
        [6] по субботам
       *[0] по воскресеньям
    } в { $time }
bc-every-custom = по расписанию «{ $schedule }»

## Подтверждение
bc-confirm =
    Отправить <b>{ $count }</b> { $count ->
        [one] получателю
       *[other] получателям
    } ({ $audience }), { $schedule }?
bc-btn-go = 🚀 Да, отправить
bc-btn-go-scheduled = 🕒 Да, запланировать
bc-confirm-not_draft = Эта рассылка уже подтверждена.
bc-confirm-no_schedule = Сначала выберите, когда отправить.
bc-confirm-past = Время рассылки уже прошло. Выберите новое в «Расписании».
bc-started = 🚀 Рассылка #{ $id } запущена: { $total } { $total ->
        [one] получатель
        [few] получателя
       *[many] получателей
    }. Ниже появится сообщение с прогрессом.
bc-scheduled = 🕒 Рассылка #{ $id } запланирована: { $schedule }.

## Список
bc-list = 📋 Последние рассылки:
bc-list-empty = Рассылок пока нет.
bc-state-icon-draft = 📝
bc-state-icon-scheduled = 🕒
bc-state-icon-sent = ✅
bc-state-icon-cancelled = ✖️

## Статистика
bc-stats =
    📊 <b>Рассылка #{ $id }</b> — { $state }
    Когда: { $schedule }
    Запусков: { $runs } · получателей: { $total }
    ✅ Доставлено: { $delivered } (из них без подтверждения: { $unconfirmed })
    ❌ Ошибки: { $failed }
    🚫 Заблокировали: { $blocked }
    ⏭ Пропущено: { $skipped } · в очереди: { $pending }{ $cancelled ->
        [0] {""}
       *[other] {" · "}не отправлено из-за отмены: { $cancelled }
    }
    👆 Переходы: { $clicks } ({ $clickers } { $clickers ->
        [one] человек
        [few] человека
       *[many] человек
    })
    🛒 Заказы в течение 7 дней после перехода: { $orders }
bc-state-draft = черновик
bc-state-scheduled = запланирована
bc-state-sent = отправлена
bc-state-cancelled = отменена
bc-not-found = Рассылка не найдена.
bc-btn-refresh = 🔄 Обновить
bc-btn-unschedule = 🛑 Остановить расписание
bc-unscheduled = Расписание остановлено.
bc-not-scheduled = Рассылка не запланирована.

## Сообщение о ходе рассылки и управление
bc-progress =
    📣 <b>Рассылка #{ $id }</b> — { $state }
    { $bar }
    ✅ Доставлено: { $sent } (без подтверждения: { $unconfirmed })
    ❌ Ошибки: { $failed }
    🚫 Заблокировали бота: { $blocked }
    ⏭ Пропущено: { $skipped }
bc-progress-cancelled = ✖️ Не отправлено из-за отмены: { $cancelled }
bc-progress-in-flight = ⏳ Уже в пути, ждём подтверждения: { $pending }
bc-progress-total = 👥 Всего: { $total }
bc-progress-rate = ⚡ Скорость: { NUMBER($rate, minimumFractionDigits: 1, maximumFractionDigits: 1) } сообщ./с · осталось { $eta }
bc-progress-average = ⚡ Средняя скорость: { NUMBER($rate, minimumFractionDigits: 1, maximumFractionDigits: 1) } сообщ./с
bc-run-state-running = идёт отправка
bc-run-state-paused = на паузе
bc-run-state-cancelled = отменена
bc-run-state-done = завершена
bc-btn-pause = ⏸ Пауза
bc-btn-resume = ▶️ Продолжить
bc-btn-cancel-run = ✖️ Отменить
bc-btn-stats = 📊 Статистика
bc-run-paused = Поставлено на паузу.
bc-run-resumed = Продолжаем.
bc-run-cancelled = Отменено.
bc-run-unchanged = Нечего менять: рассылка не в этом состоянии.

## Автоматические кампании: список и карточка
bc-auto = 🤖 <b>Автокампании</b> — каждую можно включить и выключить.
bc-camp-new_product = Новая или снова доступная услуга
bc-camp-abandoned = Напоминание о незаконченном заказе
bc-camp-winback = Возврат с промокодом
bc-camp-followup = Сообщение после /start
bc-camp-detail =
    <b>{ $name }</b> — { $state }
    { $about }
    Текст: { $text }
bc-camp-new_product-about = Сообщение всем, когда услуга добавлена или снова включена.
bc-camp-abandoned-about = Напоминание через { $n } ч после того, как пользователь бросил заказ (один раз на пользователя и услугу).
bc-camp-winback-about = Личный одноразовый промокод на { $discount }% тем, кто не заходил { $n } { $n ->
    [one] день
    [few] дня
   *[many] дней
}.
bc-camp-followup-about = Сообщение через { $n } ч после /start тем, кто ещё не заказывал.
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

## Шаги кампаний: задержка, скидка, текст
bc-ask-delay-hours = Пришлите задержку в часах (1–720).
bc-ask-delay-days = Пришлите число дней без активности (1–365).
bc-bad-number = ⚠️ Пришлите целое число от 1 до { $max }.
bc-ask-discount = Пришлите скидку в процентах (1–90).
bc-ask-camp-text = Пришлите текст кампании — оформленный в Telegram или в HTML. Подстановки: <code>{"{"}name{"}"}</code>, <code>{"{"}product{"}"}</code>, <code>{"{"}code{"}"}</code>, <code>{"{"}discount{"}"}</code>.

## Что видят получатели: кнопки рекламы и тексты кампаний по умолчанию
bc-btn-unsubscribe = 🔕 Отписаться от новостей
bc-btn-resubscribe = 🔔 Снова подписаться
bc-unsubscribed = Вы отписались от новостей. Передумаете — нажмите «Снова подписаться».
bc-resubscribed = Вы снова подписаны на новости.
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
    { $name }, спасибо, что заглянули в бот PHOENIX! Уже выбрали услугу? Все услуги — в /catalog, а если нужна помощь с выбором, напишите нам в /support.
bc-auto-none-text = Новости PHOENIX

## Ссылка «открыть товар»
bc-link-invalid = Ссылка повреждена.
