## Checkout, step 1: email

order-ask-email =
    Ordering: <b>{ $title }</b>.

    Please send your email address — we will send the order details there.
order-ask-email-saved =
    Ordering: <b>{ $title }</b>.

    Please send your email address, or press the button to keep the one you used before: { $email }
order-btn-use-email = Keep { $email }
order-email-invalid = “{ $input }” seems to have a typo. An email address looks like name@example.com.
order-email-too-long = That address is too long: an email has at most { $max } characters. Please check it and send it again.
order-already-started = You are already ordering this: send your email as asked in the message below.

## Step 2: promo code

order-ask-promo = Do you have a promo code? Send it as a message. If not, press “No promo code”.
order-btn-skip-promo = No promo code
order-promo-unknown = Promo code “{ $code }” does not exist.
order-promo-inactive = Promo code “{ $code }” is no longer active.
order-promo-expired = Promo code “{ $code }” has expired.
order-promo-not-for-product = Promo code “{ $code }” does not apply to this service.
order-promo-used-up = Promo code “{ $code }” has been used up.
order-promo-already-used-by-you = You have already used promo code “{ $code }”.
order-promo-retry = You can send another code or press “No promo code”.

## Step 3: summary and confirmation

order-summary =
    <b>Please check your order</b>

    Service: <b>{ $title }</b>
    Price: { $price }
    { $discountLine }
    <b>Total: { $final }</b>
    Email: { $email }
    Lead time: { $deadline }
order-summary-discount = Discount: −{ $discount } (promo code { $code })
order-summary-no-discount = Discount: none
order-btn-confirm = ✅ Confirm
order-confirm-hint = To place the order, press “Confirm” under the summary; changed your mind? Press “Cancel”.
order-price-changed = ⚠️ The price of this service has changed. Please check your order again.
order-placed =
    🎉 Thank you! Order <b>#{ $id }</b> has been placed.
    We will let you know as soon as we start working on it. All your orders: /orders.
order-already-placed = Order #{ $id } has already been placed; there is no need to press again.

## Any step: a non-text answer, cancel, an outdated checkout

order-text-expected = Please answer with text.
order-btn-cancel = ✖️ Cancel
order-dialog-cancelled = Checkout stopped; no order was placed.
order-product-gone = This service is no longer available. See /catalog for the others.
order-interrupted = ⏸ Your order of “{ $title }” has been put aside. Press the button below to continue.
order-interrupted-gone = Your order was not placed: this service is no longer available.
order-btn-resume = 🛒 Continue ordering
order-dialog-outdated = This checkout is already finished. To order again, open /catalog.
