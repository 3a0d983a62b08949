## Products: the list

admin-products = <b>🛍 Products</b> ({ $total } in all)
    🚫 — disabled, hidden from customers. Choose a product or create one.
admin-products-empty = <b>🛍 Products</b>
    No products yet — create the first one.
admin-product-btn-new = ➕ New product

## Products: a product

admin-product-view =
    <b>Product #{ $id }: { $title }</b>
    { $description }

    Price: { $price }
    Deadline: { $deadline } days
    Photo: { $photo }
    Status: { $status }
    Created: { $created }, changed: { $updated }
admin-product-active = on sale
admin-product-disabled = 🚫 disabled
admin-product-btn-edit-title = ✏️ Title
admin-product-btn-edit-description = ✏️ Description
admin-product-btn-edit-image = 🖼 Photo
admin-product-btn-edit-price = 💰 Price
admin-product-btn-edit-deadline = ⏱ Deadline
admin-product-btn-disable = 🚫 Disable
admin-product-btn-enable = ✅ Enable
admin-product-enabled = The product is on sale again
admin-product-was-disabled = The product is disabled and hidden from the catalog
admin-product-gone = This product no longer exists.

## Products: wizard and field-edit questions

admin-product-ask-title = Send the product title (up to { $titleMax } characters, different from every other product).
admin-product-ask-description = Send the description (up to { $descriptionMax } characters).
admin-product-ask-image = Send a photo of the product or press "No photo".
admin-product-ask-price = Send the price in roubles — a whole number from 0, e.g. 15000.
admin-product-ask-deadline = Send the deadline in days — a whole number above 0.
admin-product-btn-skip-photo = No photo
admin-product-need-photo = A photo is needed (sent as a photo, not as a file).
admin-product-btn-remove-photo = Remove the photo

## Products: preview and save

admin-product-preview-intro = This is how customers will see the product in /catalog:
admin-product-saved = Saved
admin-product-created = ✅ Product "{ $title }" created.
admin-product-updated = ✅ Product updated.

## Products: deletion

admin-product-delete-confirm =
    Delete the product <b>{ $title }</b> for good?
    It disappears from the catalog and lists. Orders keep its title and price.
admin-product-deleted = Product deleted
