## Products: the list

admin-products = <b>🛍 Services</b> ({ $total } in total)
    🚫 — disabled, hidden from customers. Choose a service or create a new one.
admin-products-empty = <b>🛍 Services</b>
    No services yet — create the first one.
admin-product-btn-new = ➕ New service

## Products: a product

admin-product-view =
    <b>Service #{ $id }: { $title }</b>
    { $description }

    Price: { $price }
    Lead time: { $deadline } { $deadline ->
        [one] day
       *[other] days
    }
    Photo: { $photo }
    Status: { $status }
    Created: { $created }, changed: { $updated }
admin-product-active = in the catalog
admin-product-disabled = 🚫 disabled
admin-product-btn-edit-title = ✏️ Title
admin-product-btn-edit-description = ✏️ Description
admin-product-btn-edit-image = 🖼 Photo
admin-product-btn-edit-price = 💰 Price
admin-product-btn-edit-deadline = ⏱ Lead time
admin-product-btn-disable = 🚫 Disable
admin-product-btn-enable = ✅ Enable
admin-product-enabled = The service is back in the catalog
admin-product-was-disabled = The service is disabled and hidden from the catalog
admin-product-gone = This service no longer exists.

## Products: wizard and field-edit questions

admin-product-ask-title = Send the name of the service (up to { $titleMax } characters; it must differ from the other services' names).
admin-product-ask-description = Send the description (up to { $descriptionMax } characters).
admin-product-ask-image = Send a photo for the service card or press “No photo”.
admin-product-ask-price = Send the price in roubles — a whole number from 0, e.g. 15000.
admin-product-ask-deadline = Send the lead time in days — a whole number from 1.
admin-product-btn-skip-photo = No photo
admin-product-need-photo = That is not a photo. Please send the picture as a photo, not as a file.
admin-product-btn-remove-photo = Remove the photo

## Products: preview and save

admin-product-preview-intro = This is how customers will see the service in /catalog:
admin-product-saved = Saved
admin-product-created = ✅ Service “{ $title }” created.
admin-product-updated = ✅ Service updated.

## Products: deletion

admin-product-delete-confirm =
    Delete the service <b>{ $title }</b> for good?
    It disappears from the catalog and lists. Orders keep its title and price.
admin-product-deleted = Service deleted
