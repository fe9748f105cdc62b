<?php

// The docs' example request, GET /api/v1/clients, printed as a table.
//
//     BLINKSALE_API_TOKEN=... php -d extension=blinksale examples/php/list_clients.php

declare(strict_types=1);

$client = new \Blinksale\Client(); // BLINKSALE_API_TOKEN, and BLINKSALE_BASE_URL if set
$page = $client->clients->list();
printf("%-22s %-28s %-11s %-8s %8s\n", 'Name', 'Email', 'Kind', 'Currency', 'Contacts');
foreach ($page as $c) {
    $currency = $c->document_defaults?->currency ?? '-';
    printf("%-22s %-28s %-11s %-8s %8d\n", $c->name, $c->email, $c->kind_name ?? $c->kind, $currency, $c->contact_count ?? 0);
}
printf("%d of %d clients (page %d of %d)\n", count($page), $page->meta->total, $page->meta->current_page, $page->meta->last_page);
