## Оплата заказа: клиент

payments-choose = 💳 Как вам удобнее оплатить заказ №{ $id }?
payments-choose-deposit =
    💳 Сейчас нужна предоплата { $percent } %, остальное — позже.
    Как вам удобнее оплатить заказ №{ $id }?
payments-pay-again = Счёт по заказу №{ $id } — ниже.
payments-btn-card = 💳 Картой — { $amount }
payments-btn-stars = ⭐ Звёздами — { $amount }
payments-btn-later = Оплачу позже
payments-btn-pay = Оплатить { $amount }
payments-btn-pay-order = 💳 Оплатить №{ $id }
payments-later =
    Хорошо, заказ №{ $id } ждёт оплаты.
    Оплатить можно в любой момент: откройте /orders и нажмите «Оплатить».
payments-nothing-due = Этот заказ оплачивать уже не нужно.
payments-method-unavailable = Этот способ оплаты сейчас недоступен.
payments-paid =
    💳 Оплата получена: <b>{ $amount }</b>. Спасибо!
    Заказ №{ $id } «{ $title }» оплачен — скоро возьмём его в работу.
payments-deposit-paid =
    💳 Предоплата получена: <b>{ $amount }</b>. Спасибо!
    Остаток по заказу №{ $id } — { $rest }: пришлём счёт, когда придёт время, или оплатите сами в /orders.
payments-unmatched =
    💳 Оплату получили, спасибо! Не смогли сразу найти, к какому заказу она относится, — проверим и напишем вам.
payments-refunded-stars = ↩️ Вернули { $amount } за заказ №{ $id }: звёзды уже на вашем балансе.
payments-refunded-card = ↩️ Вернули { $amount } за заказ №{ $id } на карту. Обычно деньги приходят в течение нескольких дней.

## Счёт (sendInvoice): простой текст, без разметки

payments-invoice-full = Заказ №{ $id }
payments-invoice-deposit = Предоплата { $percent } % по заказу №{ $id }
payments-invoice-remainder = Доплата по заказу №{ $id }
payments-invoice-deposit-note = Предоплата { $percent } %: { $amount }, остаток { $rest } — позже.
payments-invoice-remainder-note = Остаток по заказу №{ $id }.

## Отказы перед оплатой (pre_checkout_query): простой текст

payments-refusal-unknown = Этот счёт не найден. Откройте /orders и оплатите заказ оттуда.
payments-refusal-not-yours = Этот счёт выставлен другому человеку.
payments-refusal-expired = Срок этого счёта истёк. Откройте /orders — пришлём новый.
payments-refusal-outdated = Этот счёт устарел. Оплатите по последнему счёту или откройте /orders.
payments-refusal-already-paid = Этот счёт уже оплачен — второй раз платить не нужно.
payments-refusal-cancelled = Заказ отменён, оплачивать его не нужно.
payments-refusal-amount-changed = Сумма не совпадает со счётом. Откройте /orders — пришлём актуальный счёт.
payments-refusal-restricted = Оплата недоступна: доступ к боту для вас ограничен.
payments-refusal-product-unavailable = Эта услуга сейчас недоступна, поэтому оплату принять не можем.

## Оплата: карточка заказа и уведомления персонала

payments-card-unpaid = Оплата: не оплачен
payments-card-paid = Оплата: 💳 оплачен, { $amount }
payments-card-deposit = Оплата: 💳 предоплата { $paid }, к доплате <b>{ $due }</b>
payments-card-refund-requested = Оплата: ↩️ нужен возврат { $amount } у платёжного провайдера
payments-card-refunded = Оплата: ↩️ возвращено { $amount }
payments-staff-paid = 💳 Заказ №{ $id } оплачен: <b>{ $amount }</b>.
payments-staff-deposit = 💳 По заказу №{ $id } внесена предоплата <b>{ $amount }</b>, к доплате { $due }.
payments-staff-cancelled-paid =
    ⚠️ Заказ №{ $id } отменён, но по нему получено { $amount }.
    Верните деньги клиенту: кнопка возврата — на карточке заказа.
payments-staff-unmatched = ⚠️ Получен платёж { $amount } от { $name } по неизвестному счёту (charge id <code>{ $charge }</code>). Проверьте и свяжитесь с клиентом.
payments-btn-remainder = 🧾 Выставить остаток
payments-remainder-sent = Счёт на { $amount } отправлен клиенту.
payments-remainder-not-delivered = Не удалось отправить счёт клиенту: возможно, он заблокировал бота, или Telegram не принял сумму.
payments-btn-refund-stars = ↩️ Вернуть звёзды
payments-btn-refund-yes = ↩️ Да, вернуть
payments-btn-refund-no = ✖ Нет
payments-refund-ask = Вернуть клиенту { $amount } по заказу №{ $id }? Отменить возврат будет нельзя.
payments-refund-done = Возврат { $amount } отправлен, клиент уведомлён.
payments-refund-nothing = Возвращать нечего: платёж уже возвращён.
payments-refund-failed = Telegram не принял возврат ({ $error }). Попробуйте ещё раз позже.
payments-btn-refund-card = ↩️ Нужен возврат
payments-btn-refund-card-done = ✅ Возврат сделан
payments-refund-card-instructions =
    Возврат по карте делается у платёжного провайдера, в его личном кабинете. Идентификатор платежа: { $charges }.
    Когда вернёте деньги, нажмите «Возврат сделан» на карточке заказа.
payments-refund-card-done = Отмечено: деньги по заказу №{ $id } возвращены, клиент уведомлён.
payments-owner-only = Возвраты делает только владелец.

## Статистика

payments-stats-paid = <b>Получено оплат:</b> { $amounts } (платежей: { $count })
payments-stats-none = <b>Получено оплат:</b> пока нет

## /orders: где деньги по заказу (после статуса)

payments-list-deposit-paid = 💳 предоплата внесена
payments-list-paid = 💳 оплачен
payments-list-refund-requested = ↩️ оформляем возврат
payments-list-refunded = ↩️ деньги возвращены
