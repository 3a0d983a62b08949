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

catalog-product-not-found = Такой услуги нет в каталоге. Посмотрите /catalog.
catalog-product-unavailable = Эта услуга сейчас недоступна. Посмотрите другие в /catalog.

## Ошибки полей услуги (мастер услуг в /admin)

catalog-error-title-empty = Название не может быть пустым.
catalog-error-title-too-long = Название длиннее { $titleMax } символов.
catalog-error-title-taken = Услуга с таким названием уже есть.
catalog-error-description-empty = Описание не может быть пустым.
catalog-error-description-too-long = Описание длиннее { $descriptionMax } символов.
catalog-error-price-invalid = Цена — целое число рублей от 0, например 15000.
catalog-error-deadline-invalid = Срок — целое число дней от 1 до { $deadlineMax }.
catalog-error-image-invalid = Пришлите фотографию.
