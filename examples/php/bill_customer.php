<?php

// Bill a customer: a client with a contact, an invoice with two lines, a tax and a discount,
// sent, then paid in two parts, printing the totals after each step. Money is a numeric
// string with the API's exact digits; bcmath does the arithmetic.
//
//     BLINKSALE_API_TOKEN=... php -d extension=blinksale examples/php/bill_customer.php

declare(strict_types=1);

use Blinksale\Model\Invoice;

$show = function (string $step, Invoice $inv): void {
    printf(
        "%-22s %s  total %9s  paid %9s  due %9s  %s\n",
        $step,
        $inv->invoice_number,
        $inv->total,
        $inv->total_paid,
        $inv->total_due,
        $inv->status
    );
};

/** Half of an amount, rounded to the cent, exactly. */
$half = function (string $amount): string {
    if (function_exists('bcdiv')) {
        return bcadd(bcdiv($amount, '2', 3), '0.005', 2);
    }
    // Without bcmath: whole cents as integers.
    [$units, $cents] = array_pad(explode('.', $amount), 2, '0');
    $total = (int) $units * 100 + (int) str_pad(substr($cents, 0, 2), 2, '0');
    $halfCents = intdiv($total + 1, 2);
    return sprintf('%d.%02d', intdiv($halfCents, 100), $halfCents % 100);
};

$client = new \Blinksale\Client();
$customer = $client->clients->create([
    'name' => 'Northwind Traders',
    'email' => 'billing@northwind.example',
    'kind' => 'BUSINESS',
    'contacts' => [['name' => 'Nancy Davolio', 'email' => 'nancy@northwind.example', 'phone' => '+12065550100']],
]);
printf("Client %s (%s), %d contact(s)\n", $customer->name, $customer->id, $customer->contact_count);

// A saved tax, by name; create it if this account has none.
$tax = null;
foreach ($client->taxes->listAll() as $t) {
    if ($t->name === 'Sales Tax') {
        $tax = $t;
        break;
    }
}
$tax ??= $client->taxes->create(['name' => 'Sales Tax', 'percent' => '8.5']);

$invoice = $client->invoices->create([
    'client_id' => $customer->id,
    'tax_id' => $tax->id,
    'discount_distribution' => 'PER_DOCUMENT',
    'discount_type' => 'PERCENTAGE',
    'discount_value' => 10,
    'net_terms' => 'NET30',
    'line_items' => [
        ['name' => 'Consulting Services', 'quantity' => 10, 'price' => 150],
        ['name' => 'Hosting Services', 'quantity' => 1, 'price' => '99.00'],
    ],
]);
$show('Created', $invoice);
$invoice = $client->invoices->send($invoice->id);
$show('Sent', $invoice);

$amount = $half($invoice->total_due);
$applied = $client->invoices->applyPayment($invoice->id, ['amount' => $amount, 'notes' => 'Check #1001']);
$show("Paid $amount", $applied->invoice);
$rest = $applied->invoice->total_due;
$applied = $client->invoices->applyPayment($invoice->id, ['amount' => $rest]);
$show("Paid $rest", $applied->invoice);
