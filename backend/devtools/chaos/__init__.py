"""`make chaos`: the faults an operator meets, made on purpose on loopback, and what the
app does about them (docs/operations.md). Every store and process here is the chaos run's
own, in a temporary directory: nothing shared with the machine is stopped or frozen."""
