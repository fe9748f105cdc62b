<?php

// Export every invoice to invoices.csv with the auto-pager, with a progress bar.
//
//     BLINKSALE_API_TOKEN=... php -d extension=blinksale examples/php/export_invoices.php [invoices.csv]

declare(strict_types=1);

$progress = function (int $done, int $total): void {
    $width = 30;
    $filled = intdiv($width * $done, max($total, 1));
    fwrite(STDERR, sprintf("\r[%s%s] %d/%d invoices", str_repeat('#', $filled), str_repeat('.', $width - $filled), $done, $total));
};

$path = $argv[1] ?? 'invoices.csv';
$client = new \Blinksale\Client();
$total = $client->invoices->list(['per_page' => 1])->meta->total ?? 0;
$out = fopen($path, 'w');
$columns = ['invoice_number', 'client', 'status', 'issued_at', 'due_at', 'currency', 'total', 'total_paid', 'total_due'];
fputcsv($out, $columns);
// Pages of 100 are fetched as the loop needs them; the client paces itself under the rate
// limit, so a long export never sees a 429.
$n = 0;
foreach ($client->invoices->listAll() as $inv) {
    $n++;
    fputcsv($out, [
        $inv->invoice_number, $inv->client?->name ?? '', $inv->status, $inv->issued_at, $inv->due_at,
        $inv->currency, $inv->total, $inv->total_paid, $inv->total_due,
    ]);
    if ($n % 50 === 0 || $n === $total) {
        $progress($n, $total);
    }
}
fclose($out);
fwrite(STDERR, "\n$total invoices exported to $path\n");
