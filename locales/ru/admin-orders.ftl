## Доска заказов: состояния

admin-orders =
    <b>📦 Заказы</b>
    Выберите состояние.

## Доска заказов: список

admin-orders-state = <b>📦 Заказы: { $state }</b> (всего: { $total })
admin-orders-none = <b>📦 Заказы: { $state }</b>
    Таких заказов нет.

## Доска заказов: карточка заказа

admin-order-executor = Ответственный: { $name }
admin-order-no-executor = —
