package vn.dvcassistant.bench;

/** Citizen-style questions used by the latency benchmarks: short, long, without diacritics, off-topic. */
final class Queries {

    static final String[] CITIZEN = {
        "đăng ký khai sinh cho con",
        "dang ky tam tru online duoc khong",
        "đổi cccd hết hạn ở đâu",
        "bằng lái xe máy hết hạn đổi thế nào",
        "xin phép xây nhà 3 tầng ở nông thôn có cần không",
        "quên mật khẩu vneid",
        "tra cứu hồ sơ trễ hẹn",
        "gia hạn giấy phép kinh doanh rượu cho hộ kinh doanh cần giấy tờ gì",
        "giá vàng hôm nay",
        "cấp lại chứng chỉ hành nghề dược mất bao lâu",
        "thu tuc chung thuc ban sao tu ban chinh",
        "tôi muốn hỏi là bố tôi mới mất thì làm giấy chứng tử và xóa thường trú ở đâu, có làm online được không ạ",
        "nop phat nguoi online",
        "sổ đỏ sang tên cần gì",
        "thẻ bhyt cho trẻ dưới 6 tuổi",
        "đăng kí kết hôn",
    };

    private Queries() {
    }
}
