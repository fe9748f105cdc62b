-- Learns from one response (the in-process limiter's `learn`, ratelimit.rs).
-- ARGV: lease, sent_ms, limit, remaining, reset_ms, retry_ms, from_api (-1 for absent values),
-- the least reset ms.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREM', KEYS[2], ARGV[1])
local sent, limit, remaining = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local reset, retry, from_api = tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7] == '1'
local min_reset_ms = tonumber(ARGV[8])
local s = redis.call('HMGET', KEYS[1], 'lowest', 'end', 'start', 'paused')
local lowest, wend, start, paused = tonumber(s[1]), tonumber(s[2]), tonumber(s[3]) or 0, tonumber(s[4])
if limit >= 0 or remaining >= 0 or reset >= 0 then
  redis.call('HSET', KEYS[1], 'known', 1, 'headerless', 0)
  if limit > 0 then redis.call('HSET', KEYS[1], 'limit', limit) end
  -- Reports of requests sent before this window began say nothing of it.
  if sent >= start then
    if reset >= 0 then
      local ub = now + math.max(reset, min_reset_ms)
      if not wend or ub < wend then wend = ub end
      redis.call('HSET', KEYS[1], 'end', wend)
    end
    if remaining >= 0 then
      if not lowest or remaining < lowest then lowest = remaining end
      redis.call('HSET', KEYS[1], 'lowest', lowest)
    end
  end
elseif from_api and retry < 0 then
  redis.call('HINCRBY', KEYS[1], 'headerless', 1)
end
if retry >= 0 then
  local till = now + retry
  if not paused or till > paused then paused = till end
  if not wend or paused > wend then wend = paused end
  redis.call('HSET', KEYS[1], 'paused', paused, 'lowest', 0, 'end', wend)
end
return 1
