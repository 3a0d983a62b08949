## Statistics

admin-stats =
    <b>📊 Statistics</b>

    <b>Users:</b> { $users }
    new in the last 7 days: { $new7 }, in the last 30 days: { $new30 }
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
admin-stats-btn-chart = 📈 30-day chart

## Statistics: the chart

admin-stats-chart-wait = Drawing the chart…
admin-chart-title = Orders and new users over the last { $days } { $days ->
    [one] day
   *[other] days
}
admin-chart-orders = Orders
admin-chart-users = New users
admin-chart-caption = 📈 Last { $days } { $days ->
    [one] day
   *[other] days
}: { $orders } { $orders ->
    [one] order
   *[other] orders
}, { $users } new { $users ->
    [one] user
   *[other] users
}.
