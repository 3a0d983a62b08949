## Checkout, step 1: email

order-ask-email =
    Ordering: <b>{ $title }</b>.

    Send the email we can reach you at — the order details will go there.
order-ask-email-saved =
    Ordering: <b>{ $title }</b>.

    Send the email we can reach you at, or use the saved one: { $email }
order-btn-use-email = Use { $email }
order-email-invalid = “{ $input }” does not look like an email. Example: name@example.com. Please try again.
order-email-too-long = That address is too long: an email has at most { $max } characters. Please check it and send it again.
order-already-started = You are already ordering this: send your email as asked in the message below.

## Step 2: promo code

order-ask-promo = Have a promo code? Send it as a message or press “No promo code”.
order-btn-skip-promo = No promo code
order-promo-unknown = Promo code “{ $code }” does not exist.
order-promo-inactive = Promo code “{ $code }” is switched off.
order-promo-expired = Promo code “{ $code }” has expired.
order-promo-not-for-product = Promo code “{ $code }” does not apply to this service.
order-promo-used-up = Promo code “{ $code }” has been used up.
order-promo-already-used-by-you = You have already used promo code “{ $code }”.
order-promo-retry = Send another code or press “No promo code”.

## Step 3: summary and confirmation

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
order-price-changed = ⚠️ The price of this service has changed. Please check your order again.
order-placed =
    🎉 Order <b>#{ $id }</b> is placed!
    Waiting for an executor — we will let you know when someone takes it. Your orders: /orders.
order-already-placed = Order #{ $id } is already placed.

## Any step: a non-text answer, cancel, an outdated checkout

order-text-expected = Please answer with text.
order-btn-cancel = ✖️ Cancel
order-dialog-cancelled = Checkout cancelled, nothing was saved.
order-product-gone = This service is no longer available. See the others in /catalog.
order-interrupted = ⏸ Your order of “{ $title }” is put aside. Press the button below to continue.
order-interrupted-gone = Your order was not placed: this service is no longer available.
order-btn-resume = 🛒 Continue ordering
order-dialog-outdated = This checkout is already over. Start again from /catalog.
