<?php

declare(strict_types=1);

namespace Blinksale\Tests;

use Blinksale\Model\Invoice;

final class PagingTest extends MockCase
{
    public function testPagesFollowWithTheSameFilters(): void
    {
        $page = $this->client->clients->list(['per_page' => 10, 'search' => 'Seed']);
        $this->assertTrue($page->hasNextPage());
        $seen = [];
        for ($p = $page; $p !== null; $p = $p->nextPage()) {
            foreach ($p as $c) {
                $this->assertStringContainsString('Seed', $c->name);
                $seen[$c->id] = true;
            }
        }
        $this->assertCount($page->meta->total, $seen);
        foreach ($this->mock->requests() as $r) {
            parse_str($r['query'], $query);
            $this->assertSame('Seed', $query['search'] ?? null, 'every page keeps the filter');
        }
    }

    public function testListAllIsLazyAndStopsAtTheLimit(): void
    {
        $all = $this->client->invoices->listAll(['status' => 'DRAFT'], ['limit' => 3, 'timeout' => 5.0]);
        $this->assertSame(0, $this->hits('GET', '/invoices'), 'nothing is fetched before the first item is needed');
        $got = iterator_to_array($all, false);
        $this->assertCount(3, $got);
        $this->assertContainsOnlyInstancesOf(Invoice::class, $got);
        foreach ($got as $inv) {
            $this->assertSame('DRAFT', $inv->status);
        }
        $this->assertSame(1, $this->hits('GET', '/invoices'));
    }

    public function testListAllFetchesPageByPage(): void
    {
        $n = 0;
        foreach ($this->client->clients->listAll(['per_page' => 10]) as $c) {
            $n++;
            if ($n === 10) {
                $this->assertSame(1, $this->hits('GET', '/clients'));
            }
        }
        $this->assertSame(35, $n);
        $this->assertSame(4, $this->hits('GET', '/clients'));
    }
}
