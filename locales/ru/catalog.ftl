## Каталог: карточка услуги

catalog-card =
    <b>{ $title }</b>
    { $description }

    💰 Цена: <b>{ $price }</b>
    ⏱ Срок: { $deadline }
catalog-days = { $n ->
    [one] { $n } день
    [few] { $n } дня
   *[many] { $n } дней
}
catalog-btn-order = 🛒 Заказать
catalog-btn-all = 📋 Весь каталог

## Каталог пуст

catalog-empty = Каталог пока пуст — мы готовим новые услуги. Загляните чуть позже! 🙌

## Ссылка на услугу (p_<id>): услуги нет или она отключена

catalog-product-not-found = Такой услуги нет в каталоге. Все услуги — в /catalog.
catalog-product-unavailable = Эта услуга сейчас недоступна. Другие услуги — в /catalog.

## Ошибки полей услуги (мастер услуг в /admin)

catalog-error-title-empty = Название не может быть пустым.
catalog-error-title-too-long = Название слишком длинное: можно не больше { $titleMax } символов.
catalog-error-title-taken = Услуга с таким названием уже есть.
catalog-error-description-empty = Описание не может быть пустым.
catalog-error-description-too-long = Описание слишком длинное: можно не больше { $descriptionMax } символов.
catalog-error-price-invalid = Не получилось прочитать цену. Нужно целое число рублей, только цифры, например 15000.
catalog-error-deadline-invalid = Не получилось прочитать срок. Нужно целое число дней, от 1 до { $deadlineMax }.
catalog-error-image-invalid = Не получилось сохранить это фото. Пришлите его ещё раз.
