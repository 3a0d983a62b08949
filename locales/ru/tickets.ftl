## /tickets: списки

tickets-staff-only = Эта команда — для сотрудников поддержки. Задать вопрос поддержке можно в /support.
tickets-list-open = <b>🎫 Открытые тикеты</b>: { $n }
tickets-list-work = <b>🎫 Тикеты в работе</b>: { $n }
tickets-list-closed = <b>🎫 Закрытые тикеты</b>: { $n }
tickets-list-empty = Здесь пока ничего нет.
tickets-list-pick = Выберите тикет.
tickets-tab-open = Открытые ({ $n })
tickets-tab-work = В работе ({ $n })
tickets-tab-closed = Закрытые ({ $n })
tickets-btn-notifications-on = 🔔 Уведомления: вкл
tickets-btn-notifications-off = 🔕 Уведомления: выкл
tickets-notifications-on = 🔔 Уведомления о новых тикетах включены.
tickets-notifications-off = 🔕 Уведомления о новых тикетах выключены.

## Карточка тикета

tickets-card =
    <b>🎫 Тикет #{ $id }</b> — { $state }
    Клиент: { $customer }
    Создан: { $created }
    Агент: { $agent }{ $extra }
    <blockquote>{ $text }</blockquote>
tickets-state-created = 🆕 открыт
tickets-state-in_work = 🛠 в работе
tickets-state-closed = ✅ закрыт
tickets-no-agent = —
tickets-card-photo = {"\u000A"}📷 К тикету приложено фото (оно есть в истории переписки).
tickets-card-closed-at = {"\u000A"}Закрыт: { $closed }
tickets-card-rating = {"\u000A"}Оценка: { $stars }
tickets-btn-take = 🛠 Взять в работу
tickets-btn-reply = ✍️ Ответить
tickets-btn-close = ✅ Закрыть
tickets-btn-reopen = 🔄 Открыть снова
tickets-btn-close-yes = ✅ Да, закрыть
tickets-btn-reopen-yes = 🔄 Да, открыть снова
tickets-btn-keep = ✖ Нет
tickets-btn-redirect = 🔀 Передать
tickets-btn-assign = 🔀 Назначить
tickets-btn-transcript = 📜 История
tickets-btn-back = ⬅️ К списку
tickets-gone = Такого тикета нет.

## Уведомления о новых тикетах

tickets-new =
    🆕 <b>Новый тикет #{ $id }</b>
    Клиент: { $customer }
    { $text }
tickets-requeued =
    🔁 <b>Тикет #{ $id }</b> вернулся в очередь
    Клиент: { $customer }
    { $text }
tickets-taken-by = 🎫 Тикет #{ $id } (клиент: { $customer }) взят в работу. Агент: { $agent }.
tickets-withdrawn-note = 🎫 Тикет #{ $id } (клиент: { $customer }) отозван клиентом.
tickets-closed-note = 🎫 Тикет #{ $id } (клиент: { $customer }) закрыт. Агент: { $agent }.

## Взять в работу

tickets-take-ok = Вы взяли тикет #{ $id } в работу.
tickets-already-taken = Тикет #{ $id } уже в работе. Агент: { $agent }.

## Режим ответа и пересланные сообщения

tickets-not-taken = Сначала возьмите тикет #{ $id } в работу.
tickets-reply-prompt =
    ✍️ Теперь все ваши сообщения (текст или фото) уходят клиенту по тикету #{ $id }. Можно и просто ответить (reply) на пересланное сообщение клиента.
    /cancel — закончить ответ
tickets-reply-sent = ✅ Отправлено в тикет #{ $id }.
tickets-undelivered = ⚠️ Сообщение сохранено в тикете #{ $id }, но доставить его клиенту не удалось: возможно, клиент заблокировал бота.
tickets-held-by = Тикет #{ $id } сейчас ведёт { $agent }, ваше сообщение клиенту не отправлено.
tickets-reply-ended = Режим ответа по тикету #{ $id } завершён: отвечать в этот тикет вы больше не можете.
tickets-reply-unsupported = Клиенту можно отправить только текст или фото.
tickets-relay-from-customer =
    💬 <b>#{ $id }</b> · { $customer }:
    { $text }

## Закрыть и открыть снова

tickets-already-closed = Тикет #{ $id } уже закрыт.
tickets-close-ask = Закрыть тикет #{ $id }? Клиент получит просьбу оценить помощь.
tickets-reopen-ask = Открыть тикет #{ $id } снова? Сообщения клиента снова пойдут в него.
tickets-closed-ok = Тикет #{ $id } закрыт.
tickets-not-closed = Тикет #{ $id } не закрыт.
tickets-reopened-ok = Тикет #{ $id } снова открыт.
tickets-reopen-has-open = У клиента уже есть другой открытый тикет.

## Передать другому агенту

tickets-redirect-pick = 🔀 Кому передать тикет #{ $id }?
tickets-redirect-none = Других активных агентов нет.
tickets-redirect-ok = Тикет #{ $id } передан. Новый агент: { $agent }.
tickets-redirect-bad = Этот агент сейчас не активен.
tickets-redirect-same = Тикет уже у этого агента.

## Сообщения другим сотрудникам

tickets-redirected-to-you = 🔀 { $actor } передаёт вам тикет #{ $id }.
tickets-redirected-away = 🔀 Тикет #{ $id } передан другому агенту: { $agent }. Передал(а): { $actor }.
tickets-customer-withdrew = ↩️ Клиент отозвал тикет #{ $id }.
tickets-reopened-to-you = 🔄 Тикет #{ $id } снова открыт и снова за вами. Открыл(а): { $actor }.
tickets-closed-by-other = ✅ Тикет #{ $id } закрыт. Закрыл(а): { $actor }.

## Переписка

tickets-transcript-header = <b>📜 История тикета #{ $id }</b>
tickets-transcript-line =
    <b>{ $author }</b> · { $time }
    { $text }
tickets-transcript-customer = { $name } (клиент)
tickets-transcript-agent = { $name } (поддержка)
tickets-transcript-photo = 📷 фото
