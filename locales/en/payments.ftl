## Paying for an order: the customer

payments-choose = 💳 How would you like to pay for order #{ $id }?
payments-choose-deposit =
    💳 A { $percent }% deposit is due now, the rest later.
    How would you like to pay for order #{ $id }?
payments-pay-again = Here is the invoice for order #{ $id }.
payments-btn-card = 💳 By card — { $amount }
payments-btn-stars = ⭐ With Stars — { $amount }
payments-btn-later = I'll pay later
payments-btn-pay = Pay { $amount }
payments-btn-pay-order = 💳 Pay for #{ $id }
payments-later =
    All right, order #{ $id } is waiting for payment.
    You can pay any time: open /orders and tap "Pay".
payments-nothing-due = There is nothing left to pay for this order.
payments-method-unavailable = This payment method is not available right now.
payments-paid =
    💳 Payment received: <b>{ $amount }</b>. Thank you!
    Order #{ $id } "{ $title }" is paid — we'll start on it soon.
payments-deposit-paid =
    💳 Deposit received: <b>{ $amount }</b>. Thank you!
    The rest of order #{ $id }, { $rest }, is due later: we'll send you an invoice, or you can pay it yourself in /orders.
payments-unmatched =
    💳 We've received your payment, thank you! We couldn't match it to an order right away — we'll check and get back to you.
payments-refunded-stars = ↩️ We've refunded { $amount } for order #{ $id }: the Stars are back on your balance.
payments-refunded-card = ↩️ We've refunded { $amount } for order #{ $id } to your card. It usually arrives within a few days.

## The invoice (sendInvoice): plain text, no markup

payments-invoice-full = Order #{ $id }
payments-invoice-deposit = { $percent }% deposit for order #{ $id }
payments-invoice-remainder = Balance of order #{ $id }
payments-invoice-deposit-note = { $percent }% deposit: { $amount }; the remaining { $rest } is due later.
payments-invoice-remainder-note = The balance of order #{ $id }.

## Refusals before payment (pre_checkout_query): plain text

payments-refusal-unknown = We couldn't find this invoice. Open /orders and pay for the order from there.
payments-refusal-not-yours = This invoice was issued to someone else.
payments-refusal-expired = This invoice has expired. Open /orders and we'll send a new one.
payments-refusal-outdated = This invoice is out of date. Please pay the latest one, or open /orders.
payments-refusal-already-paid = This invoice is already paid — no need to pay twice.
payments-refusal-cancelled = This order was cancelled, so there's nothing to pay.
payments-refusal-amount-changed = The amount doesn't match the invoice. Open /orders and we'll send an up-to-date one.
payments-refusal-restricted = Payment is unavailable: your access to the bot is restricted.
payments-refusal-product-unavailable = This service isn't available right now, so we can't take the payment.

## Payments: the order card and staff notifications

payments-card-unpaid = Payment: not paid
payments-card-paid = Payment: 💳 paid, { $amount }
payments-card-deposit = Payment: 💳 deposit { $paid }, <b>{ $due }</b> due
payments-card-refund-requested = Payment: ↩️ refund of { $amount } due at the payment provider
payments-card-refunded = Payment: ↩️ { $amount } refunded
payments-staff-paid = 💳 Order #{ $id } is paid: <b>{ $amount }</b>.
payments-staff-deposit = 💳 Order #{ $id }: deposit of <b>{ $amount }</b> paid, { $due } due.
payments-staff-cancelled-paid =
    ⚠️ Order #{ $id } was cancelled, but { $amount } was paid for it.
    Please refund the customer: the refund button is on the order card.
payments-staff-unmatched = ⚠️ A payment of { $amount } from { $name } matches no invoice (charge id <code>{ $charge }</code>). Please check and contact the customer.
payments-btn-remainder = 🧾 Invoice the balance
payments-remainder-sent = An invoice for { $amount } was sent to the customer.
payments-remainder-not-delivered = The invoice could not be sent to the customer: they may have blocked the bot, or Telegram refused the amount.
payments-btn-refund-stars = ↩️ Refund Stars
payments-btn-refund-yes = ↩️ Yes, refund
payments-btn-refund-no = ✖ No
payments-refund-ask = Refund { $amount } for order #{ $id } to the customer? This cannot be undone.
payments-refund-done = Refund of { $amount } sent; the customer has been told.
payments-refund-nothing = Nothing to refund: the payment has already been refunded.
payments-refund-failed = Telegram did not accept the refund ({ $error }). Please try again later.
payments-btn-refund-card = ↩️ Refund needed
payments-btn-refund-card-done = ✅ Refund done
payments-refund-card-instructions =
    Card payments are refunded at the payment provider, in its dashboard. Payment id: { $charges }.
    Once the money is back with the customer, tap "Refund done" on the order card.
payments-refund-card-done = Marked: order #{ $id } is refunded; the customer has been told.
payments-owner-only = Only the owner can make refunds.

## Statistics

payments-stats-paid = <b>Payments received:</b> { $amounts } ({ $count } { $count ->
        [one] payment
       *[other] payments
    })
payments-stats-none = <b>Payments received:</b> none yet

## /orders: where the order's money stands (after its status)

payments-list-deposit-paid = 💳 deposit paid
payments-list-paid = 💳 paid
payments-list-refund-requested = ↩️ refund in progress
payments-list-refunded = ↩️ refunded
