## Catalog: the product card

catalog-card =
    <b>{ $title }</b>
    { $description }

    💰 Price: <b>{ $price }</b>
    ⏱ Deadline: { $deadline }
catalog-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
catalog-btn-order = 🛒 Order
catalog-btn-all = 📋 All services

## Empty catalog

catalog-empty = The catalog is empty for now — new services are on the way. Check back soon! 🙌

## Product link (p_<id>): no such or a disabled service

catalog-product-not-found = There is no such service. See /catalog.
catalog-product-unavailable = This service is not available right now. See the others in /catalog.

## Product field errors (the /admin product wizard)

catalog-error-title-empty = The title cannot be empty.
catalog-error-title-too-long = The title is longer than { $titleMax } characters.
catalog-error-title-taken = A service with this title already exists.
catalog-error-description-empty = The description cannot be empty.
catalog-error-description-too-long = The description is longer than { $descriptionMax } characters.
catalog-error-price-invalid = The price is a whole number of roubles from 0, e.g. 15000.
catalog-error-deadline-invalid = The deadline is a whole number of days from 1 to { $deadlineMax }.
catalog-error-image-invalid = Please send a photo.
