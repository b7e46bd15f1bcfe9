-- wrk -t2 -c64 -d30s -s bench/satisfaction/post.lua http://127.0.0.1:8080/api/v1/satisfaction
-- Every request is one rating, committed durably (synchronous_commit on) before the 201.
local topics = {
  {"dang-ky-khai-sinh", "SO-TP"}, {"the-can-cuoc", "CONG-AN"}, {"cap-giay-chung-nhan-lan-dau", "SO-NNMT"},
  {"giay-phep-xay-dung-nha-o", "SO-XD"}, {"thu-tuc-dau-tu", "SO-TC"}, {"bao-hiem-y-te", "BHXH"},
  {"dang-ky-ho-kinh-doanh", "SO-TC"}, {"nop-ho-so-truc-tuyen", "VP-UBND"}
}
local levels = {"rat_hai_long", "rat_hai_long", "hai_long", "hai_long", "khong_hai_long"}
local channels = {"web", "zalo", "telegram", "survey"}
local bodies = {}
local n = 0

function init(args)
  for i = 1, 160 do
    local t = topics[(i % #topics) + 1]
    bodies[i] = string.format('{"topicId":"%s","level":"%s","agency":"%s","channel":"%s"}',
      t[1], levels[(i % #levels) + 1], t[2], channels[(i % #channels) + 1])
  end
end

function request()
  n = n + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, bodies[(n % #bodies) + 1])
end

local failures = 0
function response(status, headers, body)
  if status ~= 201 then
    failures = failures + 1
    if failures <= 3 then
      io.stderr:write("status " .. status .. ": " .. body .. "\n")
    end
  end
end
