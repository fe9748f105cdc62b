import blinksale


def use(client: blinksale.Client) -> None:
    client.clients.create(name="x")  # expect: call-overload
