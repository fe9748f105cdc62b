import blinksale


def use(client: blinksale.Client) -> None:
    client.recurring_invoices.update_status("rec_1", status="PAUSE")  # expect: call-overload
