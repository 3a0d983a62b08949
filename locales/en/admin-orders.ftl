## Orders board: states

admin-orders =
    <b>📦 Orders</b>
    Choose a state.

## Orders board: a list

admin-orders-state = <b>📦 Orders: { $state }</b> ({ $total } in total)
admin-orders-none = <b>📦 Orders: { $state }</b>
    There are no such orders.

## Orders board: the order card

admin-order-executor = Assigned to: { $name }
admin-order-no-executor = —
