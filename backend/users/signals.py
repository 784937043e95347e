"""What the accounts app tells the apps above it (it imports none of them)."""

from django.dispatch import Signal

#: Sent with `user` once a new account exists (sign-up, the admin's add page, factories),
#: inside the transaction that created it, so a receiver's failure undoes the account.
#: The vendors app answers with the user's personal collection.
user_created = Signal()

#: Sent with `user` inside the transaction that deletes the account, before the rows go:
#: the vendors app deletes the collections nobody else owns.
user_deleting = Signal()
