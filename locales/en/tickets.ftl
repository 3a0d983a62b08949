## /tickets: the lists

tickets-staff-only = Tickets are for the support staff only.
tickets-list-open = <b>🎫 Open tickets</b>: { $n }
tickets-list-work = <b>🎫 Tickets in work</b>: { $n }
tickets-list-closed = <b>🎫 Closed tickets</b>: { $n }
tickets-list-empty = No tickets here.
tickets-list-pick = Choose a ticket.
tickets-tab-open = Open ({ $n })
tickets-tab-work = In work ({ $n })
tickets-tab-closed = Closed ({ $n })
tickets-btn-notifications-on = 🔔 Notifications: on
tickets-btn-notifications-off = 🔕 Notifications: off
tickets-notifications-on = 🔔 New-ticket notifications are on.
tickets-notifications-off = 🔕 New-ticket notifications are off.

## Ticket card

tickets-card =
    <b>🎫 Ticket #{ $id }</b> — { $state }
    Customer: { $customer }
    Created: { $created }
    Agent: { $agent }{ $extra }
    <blockquote>{ $text }</blockquote>
tickets-state-created = 🆕 open
tickets-state-in_work = 🛠 in work
tickets-state-closed = ✅ closed
tickets-no-agent = —
tickets-card-photo = {"\u000A"}📷 A photo is attached (see the transcript).
tickets-card-closed-at = {"\u000A"}Closed: { $closed }
tickets-card-rating = {"\u000A"}Rating: { $stars }
tickets-btn-take = 🛠 Take into work
tickets-btn-reply = ✍️ Reply
tickets-btn-close = ✅ Close
tickets-btn-reopen = 🔄 Reopen
tickets-btn-close-yes = ✅ Yes, close it
tickets-btn-reopen-yes = 🔄 Yes, reopen it
tickets-btn-keep = ✖ No
tickets-btn-redirect = 🔀 Redirect
tickets-btn-assign = 🔀 Assign
tickets-btn-transcript = 📜 Transcript
tickets-btn-back = ⬅️ To the list
tickets-gone = This ticket does not exist.

## New-ticket notifications

tickets-new =
    🆕 <b>New ticket #{ $id }</b> from { $customer }:
    { $text }
tickets-requeued =
    🔁 <b>Ticket #{ $id }</b> from { $customer } is back in the queue:
    { $text }
tickets-taken-by = 🎫 Ticket #{ $id } from { $customer } — taken by { $agent }.
tickets-withdrawn-note = 🎫 Ticket #{ $id } from { $customer } was withdrawn by the customer.
tickets-closed-note = 🎫 Ticket #{ $id } from { $customer } was closed by { $agent }.

## Take into work

tickets-take-ok = You took ticket #{ $id }.
tickets-already-taken = Ticket #{ $id } is already taken by { $agent }.

## Reply mode and relayed messages

tickets-not-taken = Take ticket #{ $id } into work first.
tickets-reply-prompt =
    ✍️ Your messages now go to the customer of ticket #{ $id } (text or photos). You can also reply to a relayed message of the customer.
    /cancel — stop replying
tickets-reply-sent = ✅ Sent to ticket #{ $id }.
tickets-undelivered = ⚠️ Saved in ticket #{ $id }, but the customer could not be reached (they may have blocked the bot).
tickets-held-by = Ticket #{ $id } is being handled by { $agent }; your message was not sent to the customer.
tickets-reply-ended = You can no longer reply to ticket #{ $id }; reply mode has ended.
tickets-reply-unsupported = Only text and photos can be sent to the customer.
tickets-relay-from-customer =
    💬 <b>#{ $id }</b> · { $customer }:
    { $text }

## Close and reopen

tickets-already-closed = Ticket #{ $id } is already closed.
tickets-close-ask = Close ticket #{ $id }? The customer will be asked to rate the help.
tickets-reopen-ask = Reopen ticket #{ $id }? The customer's messages will go to it again.
tickets-closed-ok = Ticket #{ $id } is closed.
tickets-not-closed = Ticket #{ $id } is not closed.
tickets-reopened-ok = Ticket #{ $id } is reopened.
tickets-reopen-has-open = The customer already has another open ticket.

## Redirect

tickets-redirect-pick = 🔀 Hand ticket #{ $id } to:
tickets-redirect-none = There are no other active agents.
tickets-redirect-ok = Ticket #{ $id } is handed to { $agent }.
tickets-redirect-bad = That agent is not active.
tickets-redirect-same = The ticket is already theirs.

## Told to other staff

tickets-redirected-to-you = 🔀 Ticket #{ $id } was handed to you by { $actor }.
tickets-redirected-away = 🔀 Ticket #{ $id } was handed to { $agent } by { $actor }.
tickets-customer-withdrew = ↩️ The customer withdrew ticket #{ $id }.
tickets-reopened-to-you = 🔄 Ticket #{ $id } was reopened by { $actor } and is yours again.
tickets-closed-by-other = ✅ Ticket #{ $id } was closed by { $actor }.

## Transcript

tickets-transcript-header = <b>📜 Transcript of ticket #{ $id }</b>
tickets-transcript-line =
    <b>{ $author }</b> · { $time }
    { $text }
tickets-transcript-customer = { $name } (customer)
tickets-transcript-agent = { $name } (support)
tickets-transcript-photo = 📷 photo
