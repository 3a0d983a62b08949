## Статистика

admin-stats =
    <b>📊 Статистика</b>

    <b>Пользователи:</b> { $users }
    новых за 7 дней: { $new7 }, за 30 дней: { $new30 }
    заблокировали бота: { $blocked }

    <b>Заказы:</b> новые { $created }, в работе { $inWork }, выполнены { $done }, отменены { $cancelled }
    <b>Выручка</b> (выполненные заказы): { $revenue }
    <b>Конверсия:</b> { $conversion } (заказывали { $buyers } из { $users })

    <b>Тикеты:</b> открыты { $ticketsOpen }, закрыты { $ticketsClosed }
    <b>Среднее время первого ответа:</b> { $firstResponse }
    <b>Средняя оценка:</b> { $rating } (всего оценок: { $rated })
admin-stats-none = —
admin-duration-seconds = { $s } с
admin-duration-minutes = { $m } мин
admin-duration-hours = { $h } ч { $m } мин
admin-duration-days = { $d } д { $h } ч
admin-stats-btn-chart = 📈 График за 30 дней

## Статистика: график

admin-stats-chart-wait = Рисую график…
admin-chart-title = Заказы и новые пользователи за { $days } { $days ->
    [one] день
    [few] дня
   *[many] дней
}
admin-chart-orders = Заказы
admin-chart-users = Новые пользователи
admin-chart-caption = 📈 За { $days } { $days ->
    [one] день
    [few] дня
   *[many] дней
}: заказов — { $orders }, новых пользователей — { $users }.
