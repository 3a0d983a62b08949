## Блокировки и защита от флуда: что видит ограниченный клиент

moderation-restricted = 🚫 Доступ к боту для вас ограничен.
moderation-restricted-until = 🚫 Доступ к боту для вас ограничен до { $until }.
moderation-restricted-short = Доступ ограничен
moderation-flood = ⏳ Слишком много сообщений за короткое время. Сделайте, пожалуйста, паузу: бот снова ответит вам через { $seconds } с.

## Сотрудникам: блокировка

moderation-btn-menu = 🚫 Заблокированные
moderation-btn-ban = 🚫 Заблокировать клиента
moderation-btn-ban-someone = 🚫 Заблокировать пользователя
moderation-btn-list = ◀ Заблокированные
moderation-btn-unban = ✅ Разблокировать { $name }
moderation-btn-confirm = 🚫 Заблокировать
moderation-btn-days-1 = 1 день
moderation-btn-days-7 = 7 дней
moderation-btn-days-30 = 30 дней
moderation-btn-days-0 = Навсегда
moderation-duration-1 = на 1 день
moderation-duration-7 = на 7 дней
moderation-duration-30 = на 30 дней
moderation-duration-0 = навсегда
moderation-until = до { $until }
moderation-forever = навсегда

moderation-list-title = <b>🚫 Заблокированные</b>: { $n }
moderation-list-empty = Сейчас никто не заблокирован.
moderation-list-entry =
    <b>{ $name }</b>
    Причина: { $reason }
    Заблокирован { $until }, кем: { $by }, когда: { $since }

moderation-ask-who = Кого заблокировать? Пришлите Telegram ID (цифрами) или @username. Человек должен был хотя бы раз написать боту.
moderation-who-unknown = Никто с таким ID или именем пользователя боту не писал. Пришлите числовой Telegram ID или @username.
moderation-ask-reason = Блокировка: { $name }. За что? Напишите причину одним сообщением — она сохранится в истории и будет видна в списке.
moderation-reason-too-long = Пришлите причину текстом, не длиннее { $max } символов.
moderation-ask-days = На какой срок заблокировать { $name }?
moderation-confirm =
    Заблокировать <b>{ $name }</b> { $duration }?
    Причина: { $reason }

    На любое сообщение пользователь получит только ответ «доступ ограничен»; его открытое обращение будет закрыто.
moderation-dialog-over = Этот шаг уже пройден. Откройте /admin → 🚫 Заблокированные, чтобы начать заново.
moderation-user-gone = Пользователь не найден.
moderation-cannot-ban-staff = { $name } — сотрудник или владелец, таких блокировать нельзя. Если нужно, сначала уберите человека из сотрудников.
moderation-already-banned = { $name } уже заблокирован ({ $until }).
moderation-banned =
    🚫 <b>{ $name }</b> заблокирован { $until }.
    Причина: { $reason }{ $tickets }
moderation-banned-ticket = {"\u000A"}Его обращение #{ $id } закрыто.
moderation-cancelled = Блокировка отменена, ничего не изменилось.
moderation-unbanned = { $name } разблокирован.
moderation-unban-gone = Эта блокировка уже снята или закончилась.

## Обращения заблокированного клиента

moderation-ticket-note = Закрыто: клиент заблокирован. Причина: { $reason }
moderation-ticket-closed-note = 🚫 Обращение #{ $id } от { $customer } закрыто: { $agent } заблокировал клиента.
moderation-ticket-closed-agent = 🚫 Обращение #{ $id } закрыто: { $actor } заблокировал клиента.
