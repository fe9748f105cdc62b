<?php

// The extension against the docs' own PHP example (curl with a reused handle, then
// json_decode), on the same mock, in one run: GET /clients?per_page=100, sequentially.
// Rounds alternate so drift affects both sides alike; figures are medians.
//
//     make bench-php   (or: BLINKSALE_BASE_URL=... BLINKSALE_API_TOKEN=... php -d extension=... compare.php)

declare(strict_types=1);

$url = getenv('BLINKSALE_BASE_URL');
$token = getenv('BLINKSALE_API_TOKEN');
$client = new \Blinksale\Client(['token' => $token, 'baseUrl' => $url]);
$ch = curl_init();
curl_setopt_array($ch, [
    CURLOPT_URL => "$url/clients?per_page=100",
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_HTTPHEADER => ["Authorization: Bearer $token", 'Accept: application/json'],
]);

$sides = [
    'blinksale (typed objects)' => function () use ($client): void {
        $page = $client->clients->list(['per_page' => 100]);
        if (count($page) !== 100 || $page->data[99]->name === null) {
            throw new RuntimeException('short page');
        }
    },
    'curl + json_decode (the docs\' example)' => function () use ($ch): void {
        $body = json_decode((string) curl_exec($ch), true);
        if (curl_getinfo($ch, CURLINFO_RESPONSE_CODE) !== 200 || count($body['data']) !== 100) {
            throw new RuntimeException('short page');
        }
    },
];
$perRound = 150;
$rounds = 15;
$times = array_fill_keys(array_keys($sides), []);
foreach ($sides as $run) {
    for ($i = 0; $i < 30; $i++) {
        $run();
    }
}
for ($r = 0; $r < $rounds; $r++) {
    $order = $r % 2 === 0 ? array_keys($sides) : array_reverse(array_keys($sides));
    foreach ($order as $name) {
        $t = hrtime(true);
        for ($i = 0; $i < $perRound; $i++) {
            $sides[$name]();
        }
        $times[$name][] = (hrtime(true) - $t) / 1e3 / $perRound;
    }
}
$median = static function (array $xs): float {
    sort($xs);
    return $xs[intdiv(count($xs), 2)];
};
[$ours, $theirs] = array_map($median, array_values($times));
echo "sequential GET /clients?per_page=100, per call (median of $rounds rounds of $perRound):\n";
foreach ($times as $name => $t) {
    printf("  %-40s %6.0f µs  %5.0f req/s\n", $name, $median($t), 1e6 / $median($t));
}
printf("  blinksale: %.2f× the curl example's throughput (goal >= 1.0)\n", $theirs / $ours);
