## Catalog: the product card

catalog-card =
    <b>{ $title }</b>
    { $description }

    💰 Price: <b>{ $price }</b>
    ⏱ Lead time: { $deadline }
catalog-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
catalog-btn-order = 🛒 Order
catalog-btn-all = 📋 All services

## Empty catalog

catalog-empty = The catalog is empty for now — new services are on their way. Please check back soon! 🙌

## Product link (p_<id>): no such or a disabled service

catalog-product-not-found = We have no such service. See /catalog for all of them.
catalog-product-unavailable = This service is not available right now. See /catalog for the others.

## Product field errors (the /admin product wizard)

catalog-error-title-empty = The title cannot be empty.
catalog-error-title-too-long = The title is too long: { $titleMax } characters at most.
catalog-error-title-taken = A service with this title already exists.
catalog-error-description-empty = The description cannot be empty.
catalog-error-description-too-long = The description is too long: { $descriptionMax } characters at most.
catalog-error-price-invalid = That is not a price I can read. Use a whole number of roubles, digits only, e.g. 15000.
catalog-error-deadline-invalid = That is not a lead time I can read. Use a whole number of days from 1 to { $deadlineMax }.
catalog-error-image-invalid = This photo could not be saved. Please send it again.
