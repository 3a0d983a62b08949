## /admin → Export: CSV files for a spreadsheet

admin-btn-export = 📤 Export
export-menu =
    <b>📤 Export</b>
    What should go into the spreadsheet? You get a CSV file that opens in Excel, Numbers or Google Sheets.
export-kind-orders = 🧾 Orders
export-kind-customers = 👥 Customers
export-kind-tickets = 🎧 Support requests
export-period = <b>{ $kind }</b>: for which period?
export-btn-days = { $days } days
export-btn-all = All time
export-btn-custom = 📅 Other dates
export-ask-dates = Send the period as two dates, for example <code>01.11.2026–30.11.2026</code>. Both days are included.
export-bad-dates = I could not read that. Please send two dates, the earlier first, like <code>01.11.2026–30.11.2026</code>.
export-wait = Preparing the file…
export-done = { $kind } · { $period } · rows: { $rows }
export-period-all = all time
export-yes = yes
export-no = no

export-col-order = Order
export-col-ticket = Request
export-col-created = Created
export-col-customer = Customer
export-col-username = Username
export-col-telegram-id = Telegram ID
export-col-email = Email
export-col-product = Service
export-col-price = Price
export-col-promo = Promo code
export-col-discount = Discount
export-col-total = Total
export-col-state = Status
export-col-taken = Taken into work
export-col-done = Done
export-col-cancelled = Cancelled
export-col-language = Language
export-col-registered = Registered
export-col-last-seen = Last seen
export-col-orders = Orders
export-col-ads = Receives ads
export-col-blocked = Blocked the bot
export-col-problem = Question
export-col-agent = Agent
export-col-time-to-take = Minutes to take
export-col-time-to-close = Minutes to close
export-col-rating = Rating

export-order-created = new
export-order-in-work = in work
export-order-done = done
export-order-cancelled = cancelled
export-ticket-created = waiting
export-ticket-in-work = in work
export-ticket-closed = closed
export-col-payment = Payment
export-col-paid = Paid
export-col-paid-currency = Payment currency
export-col-paid-at = Paid on
export-payment-unpaid = unpaid
export-payment-deposit = deposit paid
export-payment-paid = paid
export-payment-refund-requested = refund requested
export-payment-refunded = refunded
