## Bans and the flood limit: what a restricted customer sees

moderation-restricted = 🚫 Your access to this bot has been restricted.
moderation-restricted-until = 🚫 Your access to this bot has been restricted until { $until }.
moderation-restricted-short = Access restricted
moderation-flood = ⏳ That's a lot of messages in a short time. Please take a break: the bot will answer you again in { $seconds } seconds.

## Staff: banning

moderation-btn-menu = 🚫 Banned
moderation-btn-ban = 🚫 Ban the customer
moderation-btn-ban-someone = 🚫 Ban someone
moderation-btn-list = ◀ Banned users
moderation-btn-unban = ✅ Unban { $name }
moderation-btn-confirm = 🚫 Ban
moderation-btn-days-1 = 1 day
moderation-btn-days-7 = 7 days
moderation-btn-days-30 = 30 days
moderation-btn-days-0 = Forever
moderation-duration-1 = for 1 day
moderation-duration-7 = for 7 days
moderation-duration-30 = for 30 days
moderation-duration-0 = forever
moderation-until = until { $until }
moderation-forever = forever

moderation-list-title = <b>🚫 Banned users</b>: { $n }
moderation-list-empty = Nobody is banned right now.
moderation-list-entry =
    <b>{ $name }</b>
    Reason: { $reason }
    Banned { $until }, by { $by } on { $since }

moderation-ask-who = Who do you want to ban? Send their Telegram ID (digits) or @username. The person must have written to the bot before.
moderation-who-unknown = Nobody with that ID or username has written to the bot. Send a numeric Telegram ID or an @username.
moderation-ask-reason = Banning { $name }. Why? Send the reason in one message — it's kept in the record and shown in the list.
moderation-reason-too-long = Please send the reason as text of up to { $max } characters.
moderation-ask-days = For how long should { $name } be banned?
moderation-confirm =
    Ban <b>{ $name }</b> { $duration }?
    Reason: { $reason }

    They will only get an "access restricted" reply; their open ticket will be closed.
moderation-dialog-over = This step is over. Open /admin → 🚫 Banned to start again.
moderation-user-gone = That user could not be found.
moderation-cannot-ban-staff = { $name } is a staff member or an owner: they can't be banned. Remove them from staff first if you need to.
moderation-already-banned = { $name } is already banned ({ $until }).
moderation-banned =
    🚫 <b>{ $name }</b> is banned { $until }.
    Reason: { $reason }{ $tickets }
moderation-banned-ticket = {"\u000A"}Their ticket #{ $id } was closed.
moderation-cancelled = Ban cancelled: nothing was changed.
moderation-unbanned = { $name } is unbanned.
moderation-unban-gone = This ban has already been lifted or has ended.

## Tickets of a banned customer

moderation-ticket-note = Closed: the customer was banned. Reason: { $reason }
moderation-ticket-closed-note = 🚫 Ticket #{ $id } from { $customer } was closed: { $agent } banned the customer.
moderation-ticket-closed-agent = 🚫 Ticket #{ $id } was closed: { $actor } banned the customer.
