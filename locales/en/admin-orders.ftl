## Orders board: states

admin-orders =
    <b>📦 Orders</b>
    Choose a state.

## Orders board: a list

admin-orders-state = <b>📦 Orders: { $state }</b> ({ $total } in all)
admin-orders-none = <b>📦 Orders: { $state }</b>
    No such orders.

## Orders board: the order card

admin-order-executor = Executor: { $name }
admin-order-no-executor = —
