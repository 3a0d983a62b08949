## The staff order card (notification, the /admin board)

order-new-title = 🔔 <b>New order!</b>
order-card-title = 📦 <b>Order #{ $id }</b> · { $state }
order-card-product = Service: { $title }
order-card-price = Price: { $price }
order-card-discount = Discount: −{ $discount } (promo code { $code })
order-card-final = Total: <b>{ $final }</b>
order-card-deadline = Lead time: { $deadline }
order-card-customer = Customer: { $name }
order-card-email = Email: { $email }
order-card-created = Created: { $date }
order-card-executor = Assigned to: { $name }
order-card-cancelled-by-customer = Cancelled by the customer
order-card-cancel-reason = Cancellation reason: { $reason }
order-state-created = 🆕 new
order-state-in-work = 🛠 in progress
order-state-done = ✅ done
order-state-cancelled = ❌ cancelled

## Staff buttons and their answers

order-btn-take = 🛠 Take the order
order-btn-done = ✅ Done
order-btn-done-yes = ✅ Yes, it is done
order-btn-done-no = ✖ Not yet
order-done-ask = Mark order #{ $id } as done? The customer is told at once.
order-btn-staff-cancel = ✖️ Cancel order
order-taken-by-you = Order #{ $id } is yours now.
order-already-taken = Order #{ $id } is already assigned to { $name }.
order-wrong-state = Order #{ $id } is { $state } now, so this cannot be done.
order-not-found = Order not found.
order-done-ok = Order #{ $id } is marked as done. The customer has been notified.

## Staff cancel: the reason

order-ask-cancel-reason = Write the reason for cancelling order #{ $id } — the customer will see it. To keep the order, send /cancel.
order-cancel-reason-too-long = The reason is too long: { $max } characters at most.
order-staff-cancelled = Order #{ $id } has been cancelled. The customer has been notified.

## Notices to the customer

order-notify-taken = 🛠 Your order #{ $id } “{ $title }” is now in progress. Your contact person: { $name }.
order-notify-done = ✅ Your order #{ $id } “{ $title }” is done. Thank you for choosing PHOENIX!
order-notify-cancelled =
    ❌ Sorry, your order #{ $id } “{ $title }” has been cancelled.
    Reason: { $reason }

## /orders: my orders and cancelling one

orders-empty = You have no orders yet. Choose a service in /catalog.
orders-title = <b>My orders</b> ({ $total })
orders-line =
    <b>#{ $id }</b> · { $title } · { $final }
    { $state } · { $date }
orders-btn-cancel = ✖️ Cancel #{ $id }
orders-confirm-cancel = Cancel order #{ $id } “{ $title }”?
orders-btn-yes-cancel = Yes, cancel
orders-btn-back = ← Back
orders-cancelled = Order #{ $id } has been cancelled.
orders-cannot-cancel = Order #{ $id } can no longer be cancelled: it is { $state }.
