-- Takes a slot: {1, now_ms} when granted, {0, wait_ms} when not. The rules are the in-process
-- limiter's (ratelimit.rs); every constant comes from Rust.
-- KEYS: the window hash, the lease set. ARGV: lease_ms, lease id, default limit, key TTL ms,
-- headerless run, poll ms, guessed window ms.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease_ms, id, default_limit, ttl = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local headerless_run, poll_ms, guessed_ms = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local s = redis.call('HMGET', KEYS[1], 'limit', 'lowest', 'granted', 'end', 'paused', 'known', 'headerless')
local limit, lowest, granted = tonumber(s[1]) or default_limit, tonumber(s[2]), tonumber(s[3]) or 0
local wend, paused, known, headerless = tonumber(s[4]), tonumber(s[5]), s[6], tonumber(s[7]) or 0
if paused and paused > now then return {0, paused - now} end
local inflight = redis.call('ZCARD', KEYS[2])
if wend and wend <= now then
  -- A new window: the requests still in flight may count in it.
  lowest, wend, granted = nil, nil, inflight
  redis.call('HDEL', KEYS[1], 'lowest', 'end')
  redis.call('HSET', KEYS[1], 'granted', granted, 'start', now)
end
local unlimited = headerless >= headerless_run
if not known and not unlimited and inflight > 0 then return {0, poll_ms} end
local available
if lowest then available = lowest - inflight else available = limit - granted end
if unlimited or available > 0 then
  redis.call('ZADD', KEYS[2], now + lease_ms, id)
  redis.call('HSET', KEYS[1], 'granted', granted + 1)
  redis.call('PEXPIRE', KEYS[1], ttl)
  redis.call('PEXPIRE', KEYS[2], ttl)
  return {1, now}
end
if wend then return {0, wend - now} end
-- The window's end is not known yet: the answers in flight will tell it. Guessing one would
-- open a false window early.
if inflight > 0 then return {0, poll_ms} end
redis.call('HSET', KEYS[1], 'end', now + guessed_ms)
return {0, guessed_ms}
