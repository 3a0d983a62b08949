## Common
start-greeting =
    Hello, <b>{ $name }</b>! 👋
    This is the bot of the <b>PHOENIX</b> web studio: choose and order our services, get help from support and hear about what is new.

    /catalog — our services
    /help — all commands
error-generic = Something went wrong. We are looking into it — please try again a bit later.
unknown-input = I did not understand that. See /help for the commands.
button-outdated = This button is out of date.
cancel-done = Cancelled.
cancel-nothing = There is nothing to cancel.
not-allowed = You are not allowed to do that.

## Help
help-customer =
    <b>What the bot can do</b>
    { $commands }
help-support =
    <b>Support agent commands</b>
    { $commands }
help-admin =
    <b>Administrator commands</b>
    { $commands }
help-owner =
    <b>Owner commands</b>
    { $commands }

## Command menu
cmd-start = Start
cmd-help = Help
cmd-cancel = Cancel the current action
cmd-catalog = Our services
cmd-orders = My orders
cmd-support = Contact support
cmd-settings = Newsletter settings
cmd-tickets = Support tickets
cmd-admin = Admin panel

## Channel subscription gate
gate-required = To use the bot, please subscribe to our channel, then press "I've subscribed".
gate-btn-subscribe = Subscribe to the channel
gate-btn-check = I've subscribed
gate-still-not-subscribed = We can't see your subscription yet. Subscribe to the channel and press the button again.
gate-thanks = Thank you for subscribing!
gate-confirmed = ✅ Subscription confirmed. Welcome!
gate-owner-warning =
    ⚠️ The bot cannot check subscriptions to { $channel }: { $reason }.
    Until this is fixed, users are let through unchecked. Make the bot an administrator of the channel and check CHANNEL_ID.

## Admin panel (/admin): menu, staff, statistics
admin-refused = The admin panel is for owners and administrators only.
admin-menu =
    <b>⚙️ Admin panel</b>
    Choose a section.
admin-btn-products = 🛍 Products
admin-btn-promo = 🏷 Promo codes
admin-btn-orders = 📦 Orders
admin-btn-staff = 👥 Support agents
admin-btn-stats = 📊 Statistics
admin-btn-ads = 📣 Advertising
admin-btn-back = ◀ Back
admin-btn-cancel = ✖ Cancel
admin-btn-confirm-delete = 🗑 Yes, delete
admin-role-owner = owner
admin-role-admin = administrator
admin-role-support = support agent
admin-role-customer = customer
admin-staff-list =
    <b>👥 Support agents</b>
    🛡 — administrator, 🎧 — support agent, ⏸ — notifications paused.
    Choose someone or add a new member.
admin-staff-empty =
    <b>👥 Support agents</b>
    Nobody yet. Invite an agent with a link or add one by Telegram ID.
admin-staff-btn-invite-support = ➕ Invite an agent
admin-staff-btn-invite-admin = ➕ Invite an admin
admin-staff-btn-add-id = 🔢 Add by Telegram ID
admin-staff-btn-make-admin = 🛡 Make administrator
admin-staff-btn-make-support = 🎧 Make support agent
admin-staff-btn-remove = 🗑 Remove
admin-staff-member =
    <b>{ $name }</b>
    Telegram ID: <code>{ $id }</code>
    Role: { $role }
    Notifications: { $status }
    On the team since { $since }
admin-staff-not-started = has not started the bot yet
admin-staff-paused = paused
admin-staff-active = on
admin-staff-gone = This person is no longer on the staff list.
admin-staff-owner-only = Only an owner can grant or revoke the administrator role.
admin-staff-invite =
    <b>Invitation: { $role }</b>
    Send this link to the person you want to add:
    { $link }

    The link works once and expires in 24 hours.
admin-staff-ask-id = Send the numeric Telegram ID of the new support agent (e.g. 123456789). @userinfobot can tell it.
admin-staff-bad-id = That is not a Telegram ID: it must be a positive whole number, digits only. Please try again.
admin-staff-is-owner = This is an owner of the bot: they already have every right.
admin-staff-already = This person is already on the team.
admin-staff-added = ✅ Support agent added.
admin-staff-remove-confirm =
    Remove <b>{ $name }</b> from the staff?
    The tickets they are working on go back to the open queue.
admin-staff-removed = Removed. Tickets returned to the queue: { $tickets }.
admin-staff-you-are-staff = You have been added to the PHOENIX team as { $role }. See /help for your commands.
admin-staff-role-changed = Your role on the PHOENIX team is now: { $role }. See /help for your commands.
admin-staff-you-are-removed = You are no longer on the PHOENIX staff. Thank you for your work!
admin-invite-welcome =
    🎉 Welcome to the PHOENIX team! Your role: { $role }.
    New tickets come to you as notifications; pause them in /tickets. Your commands: { $help }.
admin-invite-unknown = This invitation link was not found. Please ask for a new one.
admin-invite-used = This invitation link has already been used. Please ask for a new one.
admin-invite-expired = This invitation link has expired. Please ask for a new one.
admin-invite-owner = You own this bot: you need no invitation.
admin-stats =
    <b>📊 Statistics</b>

    <b>Users:</b> { $users }
    new in 7 days: { $new7 }, in 30 days: { $new30 }
    blocked the bot: { $blocked }

    <b>Orders:</b> new { $created }, in work { $inWork }, done { $done }, cancelled { $cancelled }
    <b>Revenue</b> (done orders): { $revenue }
    <b>Conversion:</b> { $conversion } ({ $buyers } of { $users } users ordered)

    <b>Tickets:</b> open { $ticketsOpen }, closed { $ticketsClosed }
    <b>Average first response:</b> { $firstResponse }
    <b>Average rating:</b> { $rating } ({ $rated } ratings)
admin-stats-none = —
admin-stats-btn-chart = 📈 30-day chart
admin-stats-chart-wait = Drawing the chart…
admin-chart-title = Orders and new users, last { $days } days
admin-chart-orders = Orders
admin-chart-users = New users
admin-chart-caption = 📈 Last { $days } days: { $orders } orders, { $users } new users.
admin-duration-seconds = { $s } s
admin-duration-minutes = { $m } min
admin-duration-hours = { $h } h { $m } min
admin-duration-days = { $d } d { $h } h

## Support desk: customer side (/support, waiting state, rating)
support-staff-use-tickets = You are on the support staff: customers' tickets are under /tickets.
support-ask =
    ✍️ Describe your problem in one message, up to 200 characters. You can also send a photo with a caption.
    /cancel — cancel
support-too-long = That is { $n } characters; the limit is 200. Please shorten it and send it again.
support-need-caption = Please add a caption to the photo describing the problem (up to 200 characters).
support-text-only = Please describe the problem in text, or send a photo with a caption.
support-created =
    ✅ Ticket <b>#{ $id }</b> is created. Support agents have been notified.
    Until the ticket is closed, the bot is in support mode: write here and your messages go to the agent.
support-waiting =
    ⏳ Your ticket <b>#{ $id }</b> is open. Until it is closed the bot is in support mode: just write here and your messages go to support.
    To close it yourself, press "Withdraw ticket".
support-waiting-alert = Your ticket #{ $id } is open. Write your message in the chat, or withdraw the ticket.
support-waiting-unsupported = Only text and photos reach support. Your ticket #{ $id } is open.
support-message-saved = ✉️ Added to ticket #{ $id }. The agent who takes it will see it.
support-btn-withdraw = ↩️ Withdraw ticket
support-withdrawn = ↩️ Ticket #{ $id } is withdrawn. You can use the bot again.
support-withdraw-gone = This ticket is no longer open.
support-taken = 👤 { $agent } is handling your ticket #{ $id }.
support-agent-message =
    💬 <b>{ $agent }</b> (support), ticket #{ $id }:
    { $text }
support-closed =
    ✅ Ticket #{ $id } is closed. You can use the bot again.
    Please rate the help from 1 to 5:
support-reopened =
    🔄 Ticket #{ $id } is open again. The bot is back in support mode: write here and your messages go to the agent.
support-redirected = 🔀 Your ticket #{ $id } was handed to { $agent }.
support-requeued = ⏳ Your ticket #{ $id } is waiting for another agent.
support-rated = Thank you! You rated ticket #{ $id }: { $stars }
support-rate-thanks = Thank you for the rating!
support-rate-already = You have already rated this ticket.
support-rate-unavailable = This ticket cannot be rated now.

## Support desk: agent side (/tickets, notifications, relay)
tickets-staff-only = Tickets are for the support staff only.
tickets-list-open = <b>🎫 Open tickets</b>: { $n }
tickets-list-work = <b>🎫 Tickets in work</b>: { $n }
tickets-list-closed = <b>🎫 Closed tickets</b>: { $n }
tickets-list-empty = No tickets here.
tickets-list-pick = Choose a ticket.
tickets-tab-open = Open ({ $n })
tickets-tab-work = In work ({ $n })
tickets-tab-closed = Closed ({ $n })
tickets-state-created = 🆕 open
tickets-state-in_work = 🛠 in work
tickets-state-closed = ✅ closed
tickets-no-agent = —
tickets-card =
    <b>🎫 Ticket #{ $id }</b> — { $state }
    Customer: { $customer }
    Created: { $created }
    Agent: { $agent }{ $extra }
    <blockquote>{ $text }</blockquote>
tickets-card-photo = {"\u000A"}📷 A photo is attached (see the transcript).
tickets-card-rating = {"\u000A"}Rating: { $stars }
tickets-card-closed-at = {"\u000A"}Closed: { $closed }
tickets-new =
    🆕 <b>New ticket #{ $id }</b> from { $customer }:
    { $text }
tickets-requeued =
    🔁 <b>Ticket #{ $id }</b> from { $customer } is back in the queue:
    { $text }
tickets-taken-by = 🎫 Ticket #{ $id } from { $customer } — taken by { $agent }.
tickets-withdrawn-note = 🎫 Ticket #{ $id } from { $customer } was withdrawn by the customer.
tickets-closed-note = 🎫 Ticket #{ $id } from { $customer } was closed by { $agent }.
tickets-take-ok = You took ticket #{ $id }.
tickets-already-taken = Ticket #{ $id } is already taken by { $agent }.
tickets-gone = This ticket does not exist.
tickets-already-closed = Ticket #{ $id } is already closed.
tickets-not-closed = Ticket #{ $id } is not closed.
tickets-not-taken = Take ticket #{ $id } into work first.
tickets-reply-prompt =
    ✍️ Your messages now go to the customer of ticket #{ $id } (text or photos). You can also reply to a relayed message of the customer.
    /cancel — stop replying
tickets-reply-sent = ✅ Sent to ticket #{ $id }.
tickets-reply-ended = You can no longer reply to ticket #{ $id }; reply mode has ended.
tickets-reply-unsupported = Only text and photos can be sent to the customer.
tickets-undelivered = ⚠️ Saved in ticket #{ $id }, but the customer could not be reached (they may have blocked the bot).
tickets-relay-from-customer =
    💬 <b>#{ $id }</b> · { $customer }:
    { $text }
tickets-closed-ok = Ticket #{ $id } is closed.
tickets-reopened-ok = Ticket #{ $id } is reopened.
tickets-reopen-has-open = The customer already has another open ticket.
tickets-redirect-pick = 🔀 Hand ticket #{ $id } to:
tickets-redirect-none = There are no other active agents.
tickets-redirect-ok = Ticket #{ $id } is handed to { $agent }.
tickets-redirect-bad = That agent is not active.
tickets-redirect-same = The ticket is already theirs.
tickets-redirected-to-you = 🔀 Ticket #{ $id } was handed to you by { $actor }.
tickets-redirected-away = 🔀 Ticket #{ $id } was handed to { $agent } by { $actor }.
tickets-customer-withdrew = ↩️ The customer withdrew ticket #{ $id }.
tickets-reopened-to-you = 🔄 Ticket #{ $id } was reopened by { $actor } and is yours again.
tickets-closed-by-other = ✅ Ticket #{ $id } was closed by { $actor }.
tickets-transcript-header = <b>📜 Transcript of ticket #{ $id }</b>
tickets-transcript-line =
    <b>{ $author }</b> · { $time }
    { $text }
tickets-transcript-customer = { $name } (customer)
tickets-transcript-agent = { $name } (support)
tickets-transcript-photo = 📷 photo
tickets-notifications-on = 🔔 New-ticket notifications are on.
tickets-notifications-off = 🔕 New-ticket notifications are off.
tickets-btn-take = 🛠 Take into work
tickets-btn-reply = ✍️ Reply
tickets-btn-close = ✅ Close
tickets-btn-reopen = 🔄 Reopen
tickets-btn-redirect = 🔀 Redirect
tickets-btn-assign = 🔀 Assign
tickets-btn-transcript = 📜 Transcript
tickets-btn-back = ⬅️ To the list
tickets-btn-notifications-on = 🔔 Notifications: on
tickets-btn-notifications-off = 🔕 Notifications: off

## Catalog (issue B)
catalog-empty = The catalog is empty for now — new services are on the way. Check back soon! 🙌
catalog-card =
    <b>{ $title }</b>
    { $description }

    💰 Price: <b>{ $price }</b>
    ⏱ Deadline: { $deadline }
catalog-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
catalog-btn-order = 🛒 Order
catalog-btn-all = 📋 All services
catalog-product-unavailable = This service is not available right now. See the others in /catalog.
catalog-product-not-found = There is no such service. See /catalog.
catalog-error-title-empty = The title cannot be empty.
catalog-error-title-too-long = The title is longer than { $titleMax } characters.
catalog-error-title-taken = A service with this title already exists.
catalog-error-description-empty = The description cannot be empty.
catalog-error-description-too-long = The description is longer than { $descriptionMax } characters.
catalog-error-price-invalid = The price is a whole number of roubles from 0, e.g. 15000.
catalog-error-deadline-invalid = The deadline is a whole number of days from 1 to { $deadlineMax }.
catalog-error-image-invalid = Please send a photo.

## Checkout (issue B)
order-ask-email =
    Ordering: <b>{ $title }</b>.

    Send the email we can reach you at — the order details will go there.
order-ask-email-saved =
    Ordering: <b>{ $title }</b>.

    Send the email we can reach you at, or use the saved one: { $email }
order-btn-use-email = Use { $email }
order-btn-cancel = ✖️ Cancel
order-email-invalid = “{ $input }” does not look like an email. Example: name@example.com. Please try again.
order-email-taken = This email is already used by another user. Please enter a different address.
order-ask-promo = Have a promo code? Send it as a message or press “No promo code”.
order-btn-skip-promo = No promo code
order-promo-unknown = Promo code “{ $code }” does not exist.
order-promo-inactive = Promo code “{ $code }” is switched off.
order-promo-expired = Promo code “{ $code }” has expired.
order-promo-not-for-product = Promo code “{ $code }” does not apply to this service.
order-promo-used-up = Promo code “{ $code }” has been used up.
order-promo-already-used-by-you = You have already used promo code “{ $code }”.
order-promo-retry = Send another code or press “No promo code”.
order-summary =
    <b>Please check your order</b>

    Service: <b>{ $title }</b>
    Price: { $price }
    { $discountLine }
    <b>Total: { $final }</b>
    Email: { $email }
    Deadline: { $deadline }
order-summary-discount = Discount: −{ $discount } (promo code { $code })
order-summary-no-discount = Discount: none
order-btn-confirm = ✅ Confirm
order-confirm-hint = Press “Confirm” or “Cancel” under the order summary.
order-placed =
    🎉 Order <b>#{ $id }</b> is placed!
    Waiting for an executor — we will let you know when someone takes it. Your orders: /orders.
order-already-placed = Order #{ $id } is already placed.
order-dialog-cancelled = Checkout cancelled, nothing was saved.
order-product-gone = This service is no longer available. See the others in /catalog.
order-dialog-outdated = This checkout is already over. Start again from /catalog.
order-text-expected = Please answer with text.

## Orders: card and staff actions (issue B)
order-new-title = 🔔 <b>New order!</b>
order-card-title = 📦 <b>Order #{ $id }</b> · { $state }
order-card-product = Service: { $title }
order-card-price = Price: { $price }
order-card-discount = Discount: −{ $discount } (promo code { $code })
order-card-final = Total: <b>{ $final }</b>
order-card-deadline = Deadline: { $deadline }
order-card-customer = Customer: { $name }
order-card-email = Email: { $email }
order-card-created = Created: { $date }
order-card-executor = Executor: { $name }
order-card-cancelled-by-customer = Cancelled by the customer
order-card-cancel-reason = Cancellation reason: { $reason }
order-state-created = 🆕 waiting for an executor
order-state-in-work = 🛠 in work
order-state-done = ✅ done
order-state-cancelled = ❌ cancelled
order-btn-take = 🛠 Take into work
order-btn-done = ✅ Done
order-btn-staff-cancel = ✖️ Cancel order
order-taken-by-you = You took order #{ $id } into work.
order-already-taken = Order #{ $id } was already taken by { $name }.
order-wrong-state = Order #{ $id } is now: { $state }. This action is not available.
order-not-found = Order not found.
order-done-ok = Order #{ $id } is done. The customer has been notified.
order-ask-cancel-reason = Write the reason for cancelling order #{ $id } — the customer will see it. /cancel to keep the order.
order-cancel-reason-too-long = The reason is too long: at most { $max } characters.
order-staff-cancelled = Order #{ $id } is cancelled. The customer has been notified.
order-notify-taken = 🛠 Your order #{ $id } “{ $title }” has been taken into work. Executor: { $name }.
order-notify-done = ✅ Your order #{ $id } “{ $title }” is done. Thank you for choosing PHOENIX!
order-notify-cancelled =
    ❌ Your order #{ $id } “{ $title }” has been cancelled.
    Reason: { $reason }

## My orders (issue B)
orders-empty = You have no orders yet. Choose a service in /catalog.
orders-title = <b>My orders</b> ({ $total })
orders-line =
    <b>#{ $id }</b> · { $title } · { $final }
    { $state } · { $date }
orders-btn-cancel = ✖️ Cancel #{ $id }
orders-confirm-cancel = Cancel order #{ $id } “{ $title }”?
orders-btn-yes-cancel = Yes, cancel
orders-btn-back = ← Back
orders-cancelled = Order #{ $id } is cancelled.
orders-cannot-cancel = Order #{ $id } can no longer be cancelled: it is { $state }.

## Admin panel: products and promo codes
admin-yes = yes
admin-no = no
admin-products = <b>🛍 Products</b> ({ $total } in all)
    🚫 — disabled, hidden from customers. Choose a product or create one.
admin-products-empty = <b>🛍 Products</b>
    No products yet — create the first one.
admin-product-btn-new = ➕ New product
admin-product-btn-edit-title = ✏️ Title
admin-product-btn-edit-description = ✏️ Description
admin-product-btn-edit-image = 🖼 Photo
admin-product-btn-edit-price = 💰 Price
admin-product-btn-edit-deadline = ⏱ Deadline
admin-product-btn-disable = 🚫 Disable
admin-product-btn-enable = ✅ Enable
admin-product-btn-delete = 🗑 Delete
admin-product-btn-skip-photo = No photo
admin-product-btn-remove-photo = Remove the photo
admin-product-btn-save = 💾 Save
admin-product-view =
    <b>Product #{ $id }: { $title }</b>
    { $description }

    Price: { $price }
    Deadline: { $deadline } days
    Photo: { $photo }
    Status: { $status }
    Created: { $created }, changed: { $updated }
admin-product-active = on sale
admin-product-disabled = 🚫 disabled
admin-product-ask-title = Send the product title (up to { $titleMax } characters, different from every other product).
admin-product-ask-description = Send the description (up to { $descriptionMax } characters).
admin-product-ask-image = Send a photo of the product or press "No photo".
admin-product-ask-price = Send the price in roubles — a whole number from 0, e.g. 15000.
admin-product-ask-deadline = Send the deadline in days — a whole number above 0.
admin-product-need-photo = A photo is needed (sent as a photo, not as a file).
admin-product-need-text = Text is needed.
admin-product-use-buttons = Please use the buttons under the last message.
admin-product-preview-intro = This is how customers will see the product in /catalog:
admin-product-saved = Saved
admin-product-created = ✅ Product "{ $title }" created.
admin-product-updated = ✅ Product updated.
admin-product-cancelled = Cancelled
admin-product-gone = This product no longer exists.
admin-product-enabled = The product is on sale again
admin-product-was-disabled = The product is disabled and hidden from the catalog
admin-product-delete-confirm =
    Delete the product <b>{ $title }</b> for good?
    It disappears from the catalog and lists. Orders keep its title and price.
admin-product-deleted = Product deleted
admin-promos = <b>🏷 Promo codes</b> ({ $total } in all)
    Code · discount · used/limit. 🚫 — disabled.
admin-promos-empty = <b>🏷 Promo codes</b>
    No promo codes yet — create the first one.
admin-promo-btn-new = ➕ New promo code
admin-promo-btn-edit-code = ✏️ Code
admin-promo-btn-edit-value = 💸 Discount
admin-promo-btn-edit-product = 🛍 Product
admin-promo-btn-edit-expiry = 📅 Expiry
admin-promo-btn-edit-max = 🔢 Limit
admin-promo-btn-edit-peruser = 👤 Per customer
admin-promo-btn-disable = 🚫 Disable
admin-promo-btn-enable = ✅ Enable
admin-promo-btn-skip-expiry = No expiry
admin-promo-btn-skip-max = No limit
admin-promo-btn-skip-peruser = Once (default)
admin-promo-btn-clear-expiry = Remove the expiry
admin-promo-btn-clear-max = Remove the limit
admin-promo-ask-code = Send the code: 3–32 characters — Latin letters, digits, "-" and "_". Letter case does not matter.
admin-promo-ask-value = Send the discount: a percentage such as <code>15%</code> (1–100%), or a fixed amount in roubles such as <code>500</code>.
admin-promo-ask-product = Which product is the code for?
admin-promo-ask-expiry = Until which date (inclusive) does the code work? E.g. 31.12.2026.
admin-promo-ask-max = How many times in all can the code be used? A whole number above 0.
admin-promo-ask-peruser = How many times can one customer use the code? A whole number above 0.
admin-promo-bad-date = I could not read the date: write it as DD.MM.YYYY, e.g. 31.12.2026.
admin-promo-past-date = That date has passed: give a future one.
admin-promo-all-products = All products
admin-promo-no-expiry = no expiry
admin-promo-details =
    Code: <code>{ $code }</code>
    Discount: { $discount }
    Product: { $product }
    Valid until: { $expires }
    Used: { $uses } of { $max }
    Per customer: { $perUser }
admin-promo-summary =
    <b>Check the promo code</b>
    { $details }
admin-promo-view =
    <b>🏷 Promo code</b>
    { $details }
    Status: { $status }
admin-promo-active = active
admin-promo-disabled = 🚫 disabled
admin-promo-saved = Saved
admin-promo-created = ✅ Promo code { $code } created.
admin-promo-updated = ✅ Promo code updated.
admin-promo-gone = This promo code no longer exists.
admin-promo-enabled = Promo code enabled
admin-promo-was-disabled = Promo code disabled
admin-promo-delete-confirm =
    Delete the promo code <code>{ $code }</code>?
    Orders that used it keep their discount.
admin-promo-deleted = Promo code deleted

## Admin panel: orders board
admin-orders =
    <b>📦 Orders</b>
    Choose a state.
admin-orders-state = <b>📦 Orders: { $state }</b> ({ $total } in all)
admin-orders-none = <b>📦 Orders: { $state }</b>
    No such orders.
admin-order-executor = Executor: { $name }
admin-order-no-executor = —

## Admin panel: promo code errors
admin-promo-error-code-invalid = A code is 3 to 32 characters: Latin letters, digits, "-" and "_".
admin-promo-error-code-taken = This code already exists (letter case does not matter).
admin-promo-error-value-invalid = The discount is a percentage from 1 to 100 (e.g. 15%) or an amount in roubles above 0 (e.g. 500).
admin-promo-error-max-uses-invalid = The limit is a whole number above 0 and not below the uses already made.
admin-promo-error-per-user-limit-invalid = The per-customer limit is a whole number from 1 to 1000000.
admin-promo-error-expires-invalid = The expiry date is not valid.
admin-promo-error-product-unknown = This product no longer exists — choose another.

## Advertising (issue E)
bc-btn-unsubscribe = 🔕 Unsubscribe from news
bc-btn-open-product = 🛍 Open
bc-auto-new_product-text =
    🆕 <b>{ $product }</b> is now available at PHOENIX!
    Take a look — tap the button below.
bc-auto-abandoned-text =
    { $name }, you started ordering <b>{ $product }</b> but did not finish.
    Pick up where you left off — tap the button below.
bc-auto-winback-text =
    { $name }, we miss you! Here is your personal promo code for { $discount }% off any service: <code>{ $code }</code>
    It works once and only for you. /catalog
bc-auto-followup-text =
    { $name }, thanks for starting the PHOENIX bot! Have you chosen a service yet? See /catalog — we will gladly help.
bc-auto-none-text = PHOENIX news
bc-progress =
    📣 <b>Broadcast #{ $id }</b> — { $state }
    { $bar }
    ✅ Delivered: { $sent } (unconfirmed: { $unconfirmed })
    ❌ Failed: { $failed }
    🚫 Blocked the bot: { $blocked }
    ⏭ Skipped: { $skipped }
    👥 Total: { $total }
    ⚡ Rate: { $rate } msg/s · ETA { $eta }
bc-run-state-running = sending
bc-run-state-paused = paused
bc-run-state-cancelled = cancelled
bc-run-state-done = finished
bc-btn-pause = ⏸ Pause
bc-btn-resume = ▶️ Resume
bc-btn-cancel-run = ✖️ Cancel
bc-btn-stats = 📊 Statistics
bc-btn-refresh = 🔄 Refresh
bc-run-paused = Paused.
bc-run-resumed = Resumed.
bc-run-cancelled = Cancelled.
bc-run-unchanged = Nothing to change: the broadcast is not in that state.
bc-menu = 📣 <b>Advertising</b>
    Broadcasts to subscribers and automatic campaigns.
bc-btn-new = ✍️ New broadcast
bc-btn-list = 📋 Broadcasts
bc-btn-auto = 🤖 Automatic campaigns
bc-ask-text =
    Send the text of the broadcast in HTML (<code>&lt;b&gt;</code>, <code>&lt;i&gt;</code>, <code>&lt;a href="…"&gt;</code>…), or a photo with the text as its caption.
    <code>{"{"}name{"}"}</code> is replaced by the recipient's first name. /cancel to stop.
bc-bad-html = ⚠️ Telegram would not accept this text: { $reason }. Fix it and send it again (write &lt; &gt; &amp; as <code>&amp;lt; &amp;gt; &amp;amp;</code>).
bc-draft =
    📝 <b>Draft #{ $id }</b>
    Photo: { $photo }
    Buttons:
    { $buttons }
    Audience: { $audience } — <b>{ $count }</b> { $count ->
        [one] recipient
       *[other] recipients
    }
    When: { $schedule }
bc-yes = yes
bc-no = no
bc-btn-preview = 👁 Preview
bc-btn-text = ✏️ Text
bc-btn-add-url = 🔗 URL button
bc-btn-add-product = 🛍 Product button
bc-btn-clear-buttons = 🧹 Remove buttons
bc-btn-audience = 👥 Audience
bc-btn-schedule = 🕒 Schedule
bc-btn-confirm = ✅ Confirm
bc-btn-delete = 🗑 Delete
bc-preview-sent = The preview is below.
bc-ask-url = Send the button as <code>Text | https://example.com</code>.
bc-bad-url = ⚠️ Send the button as <code>Text | https://example.com</code> (an http or https link).
bc-pick-product = Which product should the button open?
bc-no-products = There are no active products.
bc-product-unavailable = This product is not available (or the draft already has the maximum of buttons).
bc-pick-audience = Who gets this broadcast? (Users who unsubscribed or blocked the bot never do.)
bc-aud-all = Everyone
bc-aud-customers = Customers with orders
bc-aud-no_orders = Users without orders
bc-aud-abandoned = Started an order, did not finish
bc-aud-language = Language: { $language }
bc-pick-schedule = When should it be sent? Times are in { $tz }.
bc-btn-sched-now = Now
bc-btn-sched-once = At a date and time
bc-btn-sched-daily = Every day
bc-btn-sched-weekly = Every week
bc-btn-sched-cron = Cron expression
bc-ask-once = Send the date and time ({ $tz }), e.g. <code>2026-12-31 18:00</code>.
bc-ask-daily = Send the time of day ({ $tz }), e.g. <code>10:00</code>.
bc-ask-weekly = Send the day and time ({ $tz }), e.g. <code>mon 10:00</code>.
bc-ask-cron = Send a cron expression with 5 fields ({ $tz }), e.g. <code>0 10 * * 1-5</code>.
bc-bad-date = ⚠️ Send a future date and time in { $tz } as <code>2026-12-31 18:00</code>.
bc-bad-daily = ⚠️ Send the time as <code>HH:MM</code>.
bc-bad-weekly = ⚠️ Send the day ({ $days }) and time, e.g. <code>mon 10:00</code>.
bc-bad-cron = ⚠️ That is not a valid 5-field cron expression.
bc-sched-now = right after confirming
bc-sched-once = once, { $when }
bc-sched-recurring = recurring (<code>{ $cron }</code>, { $tz }), next: { $when }
bc-confirm =
    Send to <b>{ $count }</b> { $count ->
        [one] recipient
       *[other] recipients
    } ({ $audience }), { $schedule }?
bc-btn-go = 🚀 Yes, send
bc-confirm-not_draft = This broadcast has already been confirmed.
bc-confirm-no_schedule = Choose when to send it first.
bc-started = 🚀 Broadcast #{ $id } started: { $total } { $total ->
        [one] recipient
       *[other] recipients
    }. The progress message follows.
bc-scheduled = 🕒 Broadcast #{ $id } scheduled: { $schedule }.
bc-deleted = Draft deleted.
bc-not-draft = This draft no longer exists or has been confirmed.
bc-not-found = Broadcast not found.
bc-list = 📋 Recent broadcasts:
bc-list-empty = No broadcasts yet.
bc-state-icon-draft = 📝
bc-state-icon-scheduled = 🕒
bc-state-icon-sent = ✅
bc-state-icon-cancelled = ✖️
bc-state-draft = draft
bc-state-scheduled = scheduled
bc-state-sent = sent
bc-state-cancelled = cancelled
bc-stats =
    📊 <b>Broadcast #{ $id }</b> — { $state }
    When: { $schedule }
    Runs: { $runs } · recipients: { $total }
    ✅ Delivered: { $delivered } (of which unconfirmed: { $unconfirmed })
    ❌ Failed: { $failed }
    🚫 Blocked: { $blocked }
    ⏭ Skipped: { $skipped } · waiting: { $pending }
    👆 Clicks: { $clicks } ({ $clickers } people)
    🛒 Orders within 7 days after a click: { $orders }
bc-btn-unschedule = 🛑 Stop the schedule
bc-unscheduled = The schedule is stopped.
bc-not-scheduled = It is not scheduled.
bc-link-invalid = This link is broken.
bc-auto = 🤖 <b>Automatic campaigns</b> — each can be switched on and off.
bc-camp-new_product = New or re-enabled product
bc-camp-abandoned = Unfinished order reminder
bc-camp-winback = Win-back with a promo code
bc-camp-followup = Follow-up after /start
bc-camp-new_product-about = Everyone hears about a product when it is added or switched back on.
bc-camp-abandoned-about = A reminder { $n } h after a user stopped ordering (once per user and product).
bc-camp-winback-about = A personal single-use code for { $discount }% off to users inactive for { $n } days.
bc-camp-followup-about = A message { $n } h after /start to users who have not ordered.
bc-camp-detail =
    <b>{ $name }</b> — { $state }
    { $about }
    Text: { $text }
bc-camp-default-text = the default text (in each user's language)
bc-on = ✅ on
bc-off = ⛔ off
bc-btn-turn-on = ✅ Switch on
bc-btn-turn-off = ⛔ Switch off
bc-btn-delay = ⏱ Delay
bc-btn-discount = 💸 Discount
bc-btn-camp-text = ✏️ Text
bc-btn-camp-default = ↩️ Default text
bc-camp-turned-on = Switched on.
bc-camp-turned-off = Switched off.
bc-camp-text-reset = The default text is back.
bc-ask-delay-hours = Send the delay in hours (1–720).
bc-ask-delay-days = Send the number of days of inactivity (1–365).
bc-ask-discount = Send the discount in percent (1–90).
bc-ask-camp-text = Send the text in HTML. Placeholders: <code>{"{"}name{"}"}</code>, <code>{"{"}product{"}"}</code>, <code>{"{"}code{"}"}</code>, <code>{"{"}discount{"}"}</code>.
bc-bad-number = ⚠️ Send a whole number from 1 to { $max }.

## Settings (news opt-out)
settings-ads-on = 📰 You receive news and offers from PHOENIX.
settings-ads-off = 🔕 You do not receive news and offers. Order and support messages still arrive.
settings-btn-ads-off = 🔕 Unsubscribe from news
settings-btn-ads-on = 📰 Subscribe to news
settings-unsubscribed = You have unsubscribed from news. /settings to turn them back on.
settings-subscribed = You will receive news and offers again.

## Staff QA: advertising fixes
bc-html-empty = ⚠️ The broadcast has no text. Send a text or a photo with a caption.
bc-html-too-long = ⚠️ The text is longer than { $max } characters — Telegram will not accept it. Shorten it and send again.
bc-confirm-past = The time of this broadcast has passed. Choose a new one under "Schedule".

## Checkout: customer QA fixes
order-price-changed = ⚠️ The price of this service has changed. Please check your order again.
