-- Gives a lease back. A request that never went out frees its slot; one that went out keeps
-- counting until the window ends, as the server may count it.
-- ARGV: lease, went_out, guessed window ms.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local guessed_ms = tonumber(ARGV[3])
if ARGV[2] == '1' then
  local wend = tonumber(redis.call('HGET', KEYS[1], 'end')) or (now + guessed_ms)
  redis.call('ZADD', KEYS[2], 'XX', math.max(wend, now), ARGV[1])
elseif redis.call('ZREM', KEYS[2], ARGV[1]) == 1 then
  local granted = tonumber(redis.call('HGET', KEYS[1], 'granted')) or 0
  if granted > 0 then redis.call('HSET', KEYS[1], 'granted', granted - 1) end
end
return 1
