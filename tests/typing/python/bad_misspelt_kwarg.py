import blinksale


def use(client: blinksale.Client) -> None:
    client.clients.create(nmae="x", email="a@b.co")  # expect: call-overload
