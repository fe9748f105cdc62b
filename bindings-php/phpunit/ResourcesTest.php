<?php

declare(strict_types=1);

namespace Blinksale\Tests;

use Blinksale\Model\Client as ClientModel;
use Blinksale\Page;

final class ResourcesTest extends MockCase
{
    public function testEveryResourceMethod(): void
    {
        $c = $this->client;
        $page = $c->clients->list();
        $this->assertInstanceOf(Page::class, $page);
        $this->assertCount(15, $page);
        $this->assertSame(35, $page->meta->total);
        $first = $page->data[0];
        $this->assertInstanceOf(ClientModel::class, $first);
        $this->assertEquals($first->toArray(), $c->clients->get($first->id)->toArray());

        $wayne = $c->clients->create(['name' => 'Wayne', 'email' => 'ap@wayne.example', 'contacts' => [['name' => 'Lucius', 'email' => 'l@wayne.example']]]);
        $this->assertSame(1, $wayne->contact_count);
        $this->assertSame('Wayne Inc', $c->clients->update($wayne->id, ['name' => 'Wayne Inc'])->name);

        $alfred = $c->contacts->create($wayne->id, ['name' => 'Alfred', 'email' => 'a@wayne.example']);
        $this->assertSame('Alfred', $c->contacts->get($wayne->id, $alfred->id)->name);
        $this->assertSame('Alfred P', $c->contacts->update($wayne->id, $alfred->id, ['name' => 'Alfred P', 'email' => 'a@wayne.example'])->name);
        $this->assertCount(2, $c->contacts->list($wayne->id));
        $this->assertNull($c->contacts->delete($wayne->id, $alfred->id));

        foreach ([[$c->taxes, ['name' => 'T', 'percent' => '2.25'], ['percent' => 3], 'percent', 3], [$c->units, ['name' => 'Week'], ['name' => 'Weeks'], 'name', 'Weeks'], [$c->items, ['name' => 'Audit', 'price' => 999.99], ['price' => 1000], 'price', 1000]] as [$res, $body, $change, $key, $value]) {
            $obj = $res->create($body);
            $this->assertSame($value, $res->update($obj->id, $change)[$key]);
            $this->assertSame($obj->id, $res->get($obj->id)->id);
            $this->assertGreaterThanOrEqual(1, count($res->list()));
            $res->delete($obj->id);
        }

        $line = ['name' => 'Consulting', 'quantity' => 10, 'price' => 150];
        $est = $c->estimates->create(['client_id' => $wayne->id, 'line_items' => [$line]]);
        $this->assertSame(1500, $est->total);
        $this->assertSame(1520, $c->estimates->update($est->id, ['shipping' => 20])->total);
        $this->assertCount(1, $c->estimates->get($est->id)->items);
        foreach ($c->estimates->list(['client_id' => $wayne->id]) as $e) {
            $this->assertSame($wayne->id, $e->client_id);
        }
        $this->assertSame('SENT', $c->estimates->send($est->id)->status);
        $converted = $c->estimates->convert($est->id);
        $this->assertSame($est->id, $converted->converted_from);
        $c->estimates->delete($est->id);

        $inv = $c->invoices->create(['client_id' => $wayne->id, 'line_items' => [$line], 'net_terms' => 'NET15', 'issued_at' => '2026-06-15']);
        $this->assertSame('2026-06-30', $inv->due_at);
        $this->assertSame('Thanks', $c->invoices->update($inv->id, ['notes' => 'Thanks'])->notes);
        $this->assertSame('Thanks', $c->invoices->get($inv->id)->notes);
        $this->assertSame('SENT', $c->invoices->send($inv->id)->status);
        $applied = $c->invoices->applyPayment($inv->id, ['amount' => '500']);
        $this->assertSame([500, 1000, 'PARTIAL'], [$applied->payment->amount, $applied->invoice->total_due, $applied->invoice->status]);

        $pay = $c->payments->create(['invoice_id' => $inv->id, 'amount' => 250]);
        $this->assertSame(250, $c->payments->get($pay->id)->amount);
        $this->assertSame(1000, $c->payments->update($pay->id, ['amount' => 1000])->amount);
        $this->assertCount(2, $c->payments->list(['invoice_id' => $inv->id]));
        $c->payments->delete($pay->id);

        $rec = $c->recurringInvoices->create(['client_id' => $wayne->id, 'frequency' => 'MONTHLY', 'start_date' => '2026-06-01', 'template_items' => [['name' => 'Hosting', 'quantity' => 1, 'price' => 99]]]);
        $this->assertSame(99, $rec->template->items[0]->price);
        $this->assertSame(12, $c->recurringInvoices->update($rec->id, ['max_occurrences' => 12])->max_occurrences);
        $this->assertSame('PAUSED', $c->recurringInvoices->updateStatus($rec->id, ['status' => 'PAUSED'])->status);
        $this->assertSame('PAUSED', $c->recurringInvoices->get($rec->id)->status);
        $this->assertCount(2, $c->recurringInvoices->list());
        $c->recurringInvoices->delete($rec->id);
        $c->invoices->delete($converted->id);
        $c->invoices->delete($inv->id);
        $c->clients->delete($wayne->id);

        $raw = $c->request('GET', '/units', ['query' => ['per_page' => 2]]);
        $this->assertCount(2, $raw['data']);
        $this->assertSame(3, $raw['meta']['total']);
        $this->assertNull($c->rateLimit(), 'the mock runs without rate limiting here');
    }

    public function testObjectsReadLikeArraysKeepUnknownFieldsAndEncodeAsSent(): void
    {
        $inv = $this->client->invoices->list()->data[0];
        foreach (['total_due', 'client_id', 'invoice_number', 'items'] as $key) {
            $this->assertTrue(isset($inv[$key]), $key);
            $this->assertSame(json_encode($inv[$key]), json_encode($inv->$key));
        }
        $this->assertInstanceOf(\Blinksale\Model\LineItem::class, $inv->items[0]);
        $this->assertSame(json_encode($inv->toArray()), json_encode($inv));
        $c = $this->client->clients->get($this->client->clients->list()->data[0]->id);
        $this->assertMatchesRegularExpression('/^req_/', $c->getRequestId());
        $this->expectException(\LogicException::class);
        $c['name'] = 'x';
    }

    public function testExactMoney(): void
    {
        $client = $this->client->clients->list()->data[0];
        $inv = $this->client->invoices->create(['client_id' => $client->id, 'line_items' => [['name' => 'Cent', 'quantity' => 1, 'price' => '0.30']]]);
        $this->client->invoices->send($inv->id);
        $this->client->invoices->applyPayment($inv->id, ['amount' => 0.10]);
        $paid = $this->client->invoices->applyPayment($inv->id, ['amount' => '0.20'])->invoice;
        $this->assertContains($paid->total_paid, ['0.30', '0.3'], 'the sum is the exact decimal, as a numeric string');
        $this->assertSame(0, $paid->total_due);
        $sent = array_values(array_filter($this->mock->requests(), fn ($r) => $r['method'] === 'POST' && str_ends_with($r['path'], '/payments')));
        $this->assertSame(['0.1', '0.20'], [(string) $sent[0]['body']['amount'], (string) $sent[1]['body']['amount']], 'floats and strings go out with their digits');
    }
}
