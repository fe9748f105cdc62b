"""Pages and the auto-pager, sync and async."""

from __future__ import annotations

import time

import blinksale
from blinksale.testing import MockServer


def test_page_attributes_and_next_page(client: blinksale.Client) -> None:
    page = client.clients.list(per_page=10)
    assert (page.meta.total, page.meta.current_page, page.meta.last_page, page.meta.per_page) == (35, 1, 4, 10)
    assert page.has_next_page() and len(page.data) == 10 and [c.id for c in page] == [c.id for c in page.data]
    seen = [c.id for c in page]
    while (nxt := page.next_page()) is not None:
        page = nxt
        seen += [c.id for c in page]
    assert len(seen) == len(set(seen)) == 35
    assert not page.has_next_page() and page.next_page() is None


def test_list_all_is_lazy_and_capped(client: blinksale.Client, mock: MockServer) -> None:
    mock.clear_requests()
    it = client.invoices.list_all(per_page=10, status="DRAFT")
    assert mock.requests() == []
    first = next(it)
    assert first.status == "DRAFT" and len(mock.requests()) == 1
    assert mock.requests()[0]["query"] == "per_page=10&status=DRAFT&page=1"
    # The rest of the first page comes from memory; the next page only when it is needed.
    pages = client.clients.list_all(per_page=5)
    assert [next(pages) for _ in range(5)] and len(mock.requests()) == 2
    time.sleep(0.1)  # time for a prefetch to reach the mock, if one were sent
    assert len(mock.requests()) == 2
    next(pages)
    assert len(mock.requests()) == 3
    assert len(list(client.clients.list_all(limit=12, per_page=5))) == 12
    assert len(list(client.clients.list_all())) == 35


async def test_async_paging(aclient: blinksale.AsyncClient) -> None:
    page = await aclient.clients.list(per_page=20)
    second = await page.next_page()
    assert second is not None and len(second) == 15 and await second.next_page() is None
    ids = [c.id async for c in aclient.clients.list_all(per_page=7)]
    assert len(set(ids)) == 35
    assert len([c async for c in aclient.clients.list_all(limit=3)]) == 3
