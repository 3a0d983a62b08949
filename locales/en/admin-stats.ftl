## Statistics

admin-stats =
    <b>📊 Statistics</b>

    <b>Customers:</b> { $users }
    new in 7 days: { $new7 }, in 30 days: { $new30 }
    blocked the bot: { $blocked }

    <b>Orders:</b> new { $created }, in progress { $inWork }, done { $done }, cancelled { $cancelled }
    <b>Revenue</b> (completed orders): { $revenue }
    <b>Conversion:</b> { $conversion } ({ $buyers } of { $users } { $users ->
        [one] user
       *[other] users
    } ordered)

    <b>Tickets:</b> open { $ticketsOpen }, closed { $ticketsClosed }
    <b>Average first response time:</b> { $firstResponse }
    <b>Average rating:</b> { $rating } ({ $rated } { $rated ->
        [one] rating
       *[other] ratings
    })
admin-stats-none = —
admin-duration-seconds = { $s } s
admin-duration-minutes = { $m } min
admin-duration-hours = { $h } h { $m } min
admin-duration-days = { $d } d { $h } h
admin-stats-btn-chart = 📈 { $days } days

## Statistics: the chart

admin-stats-chart-wait = Drawing the chart…
admin-chart-title = Statistics, { $from } – { $to }
admin-chart-revenue = Revenue: { $revenue }
admin-chart-orders = Orders: { $orders }
admin-chart-users = New customers: { $users }
admin-chart-caption = 📈 { $from } – { $to }: { $orders ->
        [one] { $orders } order
       *[other] { $orders } orders
    }, { $revenue } revenue, { $users ->
        [one] { $users } new customer
       *[other] { $users } new customers
    }.
admin-chart-btn-days = { $days } days
admin-chart-empty = 📈 No orders and no new customers in the last { $days } days. The chart will appear once there are some.
