## /tickets: the lists

tickets-staff-only = This command is for the support team. To ask support a question, use /support.
tickets-list-open = <b>🎫 Open tickets</b>: { $n }
tickets-list-work = <b>🎫 Tickets in progress</b>: { $n }
tickets-list-closed = <b>🎫 Closed tickets</b>: { $n }
tickets-list-empty = Nothing here yet.
tickets-list-pick = Choose a ticket.
tickets-tab-open = Open ({ $n })
tickets-tab-work = In progress ({ $n })
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
tickets-state-in_work = 🛠 in progress
tickets-state-closed = ✅ closed
tickets-no-agent = —
tickets-card-photo = {"\u000A"}📷 A photo is attached (see the transcript).
tickets-card-closed-at = {"\u000A"}Closed: { $closed }
tickets-card-rating = {"\u000A"}Rating: { $stars }
tickets-btn-take = 🛠 Take
tickets-btn-reply = ✍️ Reply
tickets-btn-close = ✅ Close
tickets-btn-reopen = 🔄 Reopen
tickets-btn-close-yes = ✅ Yes, close it
tickets-btn-reopen-yes = 🔄 Yes, reopen it
tickets-btn-keep = ✖ No
tickets-btn-redirect = 🔀 Hand over
tickets-btn-assign = 🔀 Assign
tickets-btn-transcript = 📜 Transcript
tickets-btn-back = ⬅️ To the list
tickets-gone = This ticket does not exist.

## New-ticket notifications

tickets-new =
    🆕 <b>New ticket #{ $id }</b>
    Customer: { $customer }
    { $text }
tickets-requeued =
    🔁 <b>Ticket #{ $id }</b> is back in the queue
    Customer: { $customer }
    { $text }
tickets-taken-by = 🎫 Ticket #{ $id } (customer: { $customer }) was taken by { $agent }.
tickets-withdrawn-note = 🎫 Ticket #{ $id } (customer: { $customer }) was withdrawn by the customer.
tickets-closed-note = 🎫 Ticket #{ $id } (customer: { $customer }) was closed by { $agent }.

## Take into work

tickets-take-ok = Ticket #{ $id } is yours now.
tickets-already-taken = Ticket #{ $id } has already been taken by { $agent }.

## Reply mode and relayed messages

tickets-not-taken = Take ticket #{ $id } first.
tickets-reply-prompt =
    ✍️ Everything you send now (text or photos) goes to the customer of ticket #{ $id }. You can also just reply to one of the customer's relayed messages.
    /cancel — stop replying
tickets-reply-sent = ✅ Sent to ticket #{ $id }.
tickets-undelivered = ⚠️ Saved in ticket #{ $id }, but the customer could not be reached (they may have blocked the bot).
tickets-held-by = Ticket #{ $id } is being handled by { $agent }; your message was not sent to the customer.
tickets-reply-ended = Reply mode for ticket #{ $id } has ended: you can no longer reply to it.
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
tickets-reopened-ok = Ticket #{ $id } has been reopened.
tickets-reopen-has-open = The customer already has another open ticket.

## Redirect

tickets-redirect-pick = 🔀 Who should take over ticket #{ $id }?
tickets-redirect-none = There are no other active agents.
tickets-redirect-ok = Ticket #{ $id } has been handed over to { $agent }.
tickets-redirect-bad = That agent is not active.
tickets-redirect-same = This agent already has the ticket.

## Told to other staff

tickets-redirected-to-you = 🔀 { $actor } has handed ticket #{ $id } over to you.
tickets-redirected-away = 🔀 { $actor } has handed ticket #{ $id } over to { $agent }.
tickets-customer-withdrew = ↩️ The customer withdrew ticket #{ $id }.
tickets-reopened-to-you = 🔄 { $actor } has reopened ticket #{ $id }; it is yours again.
tickets-closed-by-other = ✅ { $actor } has closed ticket #{ $id }.

## Transcript

tickets-transcript-header = <b>📜 Transcript of ticket #{ $id }</b>
tickets-transcript-line =
    <b>{ $author }</b> · { $time }
    { $text }
tickets-transcript-customer = { $name } (customer)
tickets-transcript-agent = { $name } (support)
tickets-transcript-photo = 📷 photo
