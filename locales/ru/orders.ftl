## Карточка заказа для персонала (уведомление, доска в /admin)

order-new-title = 🔔 <b>Новый заказ!</b>
order-card-title = 📦 <b>Заказ №{ $id }</b> · { $state }
order-card-product = Услуга: { $title }
order-card-price = Цена: { $price }
order-card-discount = Скидка: −{ $discount } (промокод { $code })
order-card-final = Итого: <b>{ $final }</b>
order-card-deadline = Срок: { $deadline }
order-card-customer = Клиент: { $name }
order-card-email = Email: { $email }
order-card-created = Создан: { $date }
order-card-executor = Ответственный: { $name }
order-card-cancelled-by-customer = Отменён клиентом
order-card-cancel-reason = Причина отмены: { $reason }
order-state-created = 🆕 новый
order-state-in-work = 🛠 в работе
order-state-done = ✅ выполнен
order-state-cancelled = ❌ отменён

## Кнопки персонала и ответы на них

order-btn-take = 🛠 Взять в работу
order-btn-done = ✅ Выполнен
order-btn-done-yes = ✅ Да, выполнен
order-btn-done-no = ✖ Ещё нет
order-done-ask = Отметить заказ №{ $id } выполненным? Клиент сразу получит уведомление.
order-btn-staff-cancel = ✖️ Отменить заказ
order-taken-by-you = Вы взяли заказ №{ $id } в работу.
order-already-taken = Заказ №{ $id } уже в работе. Ответственный: { $name }.
order-wrong-state = Сейчас статус заказа №{ $id }: { $state }. Это действие недоступно.
order-not-found = Заказ не найден.
order-done-ok = Заказ №{ $id } выполнен. Клиент уведомлён.

## Отмена заказа персоналом: причина

order-ask-cancel-reason = Напишите причину отмены заказа №{ $id } — её увидит клиент. Чтобы не отменять заказ, отправьте /cancel.
order-cancel-reason-too-long = Причина слишком длинная: можно не больше { $max } символов.
order-staff-cancelled = Заказ №{ $id } отменён. Клиент уведомлён.

## Уведомления клиенту

order-notify-taken = 🛠 Ваш заказ №{ $id } «{ $title }» уже в работе. Ответственный: { $name }.
order-notify-done = ✅ Ваш заказ №{ $id } «{ $title }» выполнен. Спасибо, что выбрали PHOENIX!
order-notify-cancelled =
    ❌ Ваш заказ №{ $id } «{ $title }» отменён.
    Причина: { $reason }

## /orders: мои заказы и отмена клиентом

orders-empty = У вас пока нет заказов. Выберите услугу в /catalog.
orders-title = <b>Мои заказы</b> ({ $total })
orders-line =
    <b>№{ $id }</b> · { $title } · { $final }
    { $state } · { $date }
orders-btn-cancel = ✖️ Отменить №{ $id }
orders-confirm-cancel = Отменить заказ №{ $id } «{ $title }»?
orders-btn-yes-cancel = Да, отменить
orders-btn-back = ← Назад
orders-cancelled = Заказ №{ $id } отменён.
orders-cannot-cancel = Заказ №{ $id } уже нельзя отменить, его статус: { $state }.
