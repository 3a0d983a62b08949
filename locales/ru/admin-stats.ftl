## Статистика

admin-stats =
    <b>📊 Статистика</b>

    <b>Клиенты:</b> { $users }
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
admin-stats-btn-chart = 📈 { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[other] { $days } дней
    }

## Статистика: график

admin-stats-chart-wait = Рисую график…
admin-chart-title = Статистика с { $from } по { $to }
admin-chart-revenue = Выручка: { $revenue }
admin-chart-orders = Заказы: { $orders }
admin-chart-users = Новые клиенты: { $users }
admin-chart-caption = 📈 С { $from } по { $to }: заказов — { $orders }, выручка — { $revenue }, новых клиентов — { $users }.
admin-chart-btn-days = { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[other] { $days } дней
    }
admin-chart-empty = 📈 За { $days ->
        [one] последний { $days } день
        [few] последние { $days } дня
       *[other] последние { $days } дней
    } не было ни заказов, ни новых клиентов. График появится, когда они будут.
