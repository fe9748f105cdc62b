<?php

// Errors: a validation error's field messages, a write with a read-only token, and a burst
// the client paces under the rate limit so no 429 reaches the code.
//
//     BLINKSALE_API_TOKEN=... BLINKSALE_READONLY_TOKEN=... php -d extension=blinksale examples/php/handle_errors.php

declare(strict_types=1);

use Blinksale\Exception\PermissionDeniedException;
use Blinksale\Exception\RateLimitException;
use Blinksale\Exception\ValidationException;

$client = new \Blinksale\Client();
// Per-request options, and the HTTP side of a response.
$raw = $client->units->withRawResponse()->list(['per_page' => 5], ['timeout' => 10.0, 'headers' => ['X-Trace' => 'export-1']]);
printf("status %d, request %s, %d units\n", $raw->statusCode, $raw->requestId, count($raw->parse()->data));

try {
    $client->payments->create(['invoice_id' => 'no-such-invoice', 'amount' => 10]);
} catch (ValidationException $e) {
    foreach ($e->getErrors() as $field => $messages) {
        printf("validation: %s: %s\n", $field, implode(' ', $messages));
    }
}

$readOnly = new \Blinksale\Client(['token' => getenv('BLINKSALE_READONLY_TOKEN') ?: null]);
try {
    $readOnly->units->create(['name' => 'Crate']);
} catch (PermissionDeniedException $e) {
    printf("permission denied: this token lacks \"%s\"\n", $e->getRequiredPermission());
}

// 30 requests in a row on one client: the limiter paces them under the limit.
$ok = 0;
$limited = 0;
for ($i = 0; $i < 30; $i++) {
    try {
        $client->units->list();
        $ok++;
    } catch (RateLimitException $e) {
        $limited++;
    }
}
printf("burst: %d of 30 requests succeeded, %d rate-limit errors reached the code\n", $ok, $limited);
