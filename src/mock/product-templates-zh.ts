import { getApi, type ProductTemplate } from './product-template.js';

const profile = getApi(
  '查询用户基本信息',
  '/api/user/{user_id}/profile',
  ['user_id'],
  ['name', 'level', 'status'],
);
const billing = getApi(
  '查询账单明细',
  '/api/user/{user_id}/billing',
  ['user_id', 'date'],
  ['transactions', 'total'],
);
const subscription = getApi(
  '查询用户订阅状态',
  '/api/user/{user_id}/subscriptions',
  ['user_id'],
  ['subscriptions', 'status'],
);
const orders = getApi('查询用户订单列表', '/api/user/{user_id}/orders', ['user_id'], ['orders', 'total']);
const refunds = getApi('查询退款进度', '/api/user/{user_id}/refunds', ['user_id'], ['refunds', 'status']);
const tickets = getApi(
  '查询报修/售后工单',
  '/api/user/{user_id}/tickets',
  ['user_id'],
  ['tickets', 'status'],
);

/**
 * Chinese product templates, one per category. Amount rules use the permission engine's syntax
 * (action + comparison + amount + unit); see references/mock-templates.md.
 */
export const PRODUCT_TEMPLATES_ZH: readonly ProductTemplate[] = [
  {
    category: 'subscription',
    name: '会员订阅服务',
    brands: ['星河视频', '青柠视频', '大象影视', '橙子TV'],
    description:
      '{brand}的会员订阅服务，按月、按季或按年付费，开通后可看会员专享影视内容；默认开启自动续费，可随时在App里关闭。',
    features: [
      '高清与4K画质',
      '最多两台设备同时观看',
      '会员专属影视和抢先看',
      '跳过片头广告',
      '离线缓存下载',
      '自动续费随时可关',
      '每月赠送观影券2张',
    ],
    issues: [
      ['不清楚为什么被扣费', '查询订阅和账单明细，告诉客户扣费对应哪项服务、哪天开通的'],
      ['想关闭自动续费', '核实账号后在权限内直接关闭自动续费，并说明本期权益照常用到到期日'],
      ['开了会员还是看不了会员内容', '查询订阅状态，确认是不是开在了另一个账号上，必要时补发会员权益'],
      ['登录不上账号', '核实身份后协助重置密码'],
      ['同一个月被扣了两次费', '核对交易流水，确属重复扣费的在权限内退款'],
      ['提示登录设备超出上限', '说明同时观看的设备上限，指导在设备管理里下线不用的设备'],
    ],
    faq: [
      {
        q: '如何取消会员自动续费？',
        a: '打开App，进入「我的 - 会员中心 - 自动续费管理」点关闭就行，也可以让客服帮您关。关闭后本期会员照常用到到期日。',
      },
      { q: '会员可以几台设备同时用？', a: '同一时间最多两台设备同时观看，超出后最早登录的设备会被挤下线。' },
      { q: '退款多久到账？', a: '原路退回，一般1到3个工作日到账，信用卡可能要到下个账单日才显示。' },
      {
        q: '为什么续费价格比开通时贵？',
        a: '首月优惠价只在第一期有效，之后按标准月费续费，续费前3天会有短信提醒。',
      },
      { q: '会员能开发票吗？', a: '可以，在「订单详情」里申请电子发票，填好抬头后24小时内发到您的邮箱。' },
    ],
    escalation: [
      '单笔退款达到{refund}元及以上',
      '延长会员超过{days}天',
      '客户要求注销账户',
      '客户明确要投诉，或提到12315、消协',
      '同一问题第二次来电仍未解决',
    ],
    sla: [
      '电话即时响应；主管审批{hours}小时内回复；投诉工单48小时内处理',
      '7×24小时在线；需审批的申请{hours}小时内回电；退款1到3个工作日原路到账',
    ],
    limits: [
      { refund: 50, days: 3, hours: 2 },
      { refund: 100, days: 7, hours: 2 },
      { refund: 100, days: 3, hours: 4 },
      { refund: 200, days: 7, hours: 4 },
    ],
    api_interfaces: {
      user_subscription: subscription,
      user_billing: billing,
      user_profile: profile,
      user_devices: getApi(
        '查询已登录的观看设备',
        '/api/user/{user_id}/devices',
        ['user_id'],
        ['devices', 'max_devices'],
      ),
    },
    permissions: {
      can_approve_immediately: [
        '退款<{refund}元',
        '重置密码',
        '取消自动续费',
        '延长会员<={days}天',
        '补发会员权益',
      ],
      requires_supervisor: ['退款>={refund}元', '延长会员>{days}天', '账户注销'],
      requires_process: ['投诉处理', '赔偿申请'],
      forbidden: ['透露其他用户信息', '修改他人订阅'],
    },
  },
  {
    category: 'cloud_storage',
    name: '云存储空间',
    brands: ['方舟云盘', '云朵网盘', '星空云存储', '米粒云'],
    description:
      '{brand}的个人云存储空间，免费送5GB，付费可升级到200GB或2TB套餐；支持手机相册自动备份、多端同步和文件分享，删除的文件在回收站保留30天。',
    features: [
      '手机相册自动备份',
      '电脑、手机、平板多端同步',
      '回收站保留30天',
      '分享链接可设提取码和有效期',
      '在线预览文档和视频',
      '家庭共享空间，最多5人',
    ],
    issues: [
      ['空间满了，传不上去', '查询空间用量，建议清理回收站或升级套餐；在权限内临时扩容'],
      ['误删了文件想找回来', '30天内引导从回收站恢复；超过30天的提交数据恢复申请'],
      ['相册自动备份不动了', '检查App后台权限、是否只在WLAN下备份，必要时退出重新登录'],
      ['升级套餐后空间没变大', '查询订单和空间配额，确认是否到账；没到账的按流程补发'],
      ['分享链接打不开', '确认链接是否过期或被屏蔽，指导重新生成分享链接'],
      ['账号被锁定了', '核实身份后解锁账号，并建议修改密码'],
    ],
    faq: [
      { q: '回收站里的文件能保存多久？', a: '30天，过了30天会彻底删除，所以要找回的话请尽快。' },
      {
        q: '降级套餐后超出的文件会被删吗？',
        a: '不会马上删，但超出空间后就不能再上传了，需要在90天内清理或者重新升级。',
      },
      {
        q: '自动备份会用手机流量吗？',
        a: '默认只在连WLAN时备份，想用流量备份可以在设置里打开「允许使用移动数据」。',
      },
      {
        q: '家庭共享空间怎么加人？',
        a: '在「家庭空间 - 成员管理」里发邀请链接，对方接受后就加进来了，最多5人。',
      },
    ],
    escalation: [
      '退款达到{refund}元及以上',
      '临时扩容超过{gb}GB',
      '需要恢复超过30天的已删除数据',
      '账号疑似被盗且有文件外泄',
      '客户要求注销账号并删除全部数据',
    ],
    sla: [
      '在线客服即时响应；数据恢复申请{process_days}个工作日内给结果；主管审批{hours}小时内回复',
      '电话即时响应；需审批事项{hours}小时内回电；数据恢复{process_days}个工作日内完成',
    ],
    limits: [
      { refund: 50, gb: 50, days: 7, hours: 2, process_days: 3 },
      { refund: 100, gb: 100, days: 14, hours: 4, process_days: 5 },
      { refund: 100, gb: 50, days: 14, hours: 2, process_days: 3 },
    ],
    api_interfaces: {
      user_storage: getApi(
        '查询空间用量和套餐',
        '/api/user/{user_id}/storage',
        ['user_id'],
        ['quota_gb', 'used_gb', 'plan'],
      ),
      user_subscription: subscription,
      user_billing: billing,
      recycle_bin: getApi(
        '查询回收站里的文件',
        '/api/user/{user_id}/recycle-bin',
        ['user_id'],
        ['files', 'expire_at'],
      ),
      user_profile: profile,
    },
    permissions: {
      can_approve_immediately: ['退款<{refund}元', '解锁账号', '临时扩容<={gb}GB', '延长试用<={days}天'],
      requires_supervisor: ['退款>={refund}元', '临时扩容>{gb}GB', '延长试用>{days}天', '账号注销'],
      requires_process: ['数据恢复申请', '投诉处理'],
      forbidden: ['分享其他用户的文件', '透露其他用户信息'],
    },
  },
  {
    category: 'broadband',
    name: '家庭宽带',
    brands: ['城市光网', '畅联宽带', '华通宽带', '长城光纤'],
    description:
      '{brand}家庭光纤宽带，有300M、500M和1000M套餐，按月付费或包年，含光猫和免费上门安装，故障可预约工程师上门维修。',
    features: [
      '光纤入户，最高千兆',
      '免费上门安装',
      '光猫免费租用',
      '故障24小时报修',
      '包年套餐月租更低',
      '可加装全屋WiFi',
    ],
    issues: [
      ['网速很慢，达不到签约速率', '查询线路状态和签约带宽，远程测速，必要时预约上门'],
      ['突然断网了', '查询线路诊断结果，指导重启光猫；如果是区域故障，告知预计恢复时间'],
      ['月租比办理时说的贵', '查询账单和套餐，核对优惠是否到期，在权限内减免'],
      ['搬家需要移机', '查询新地址是否覆盖，登记移机申请'],
      ['想提前解约', '说明合约期和违约金规则，转主管处理'],
      ['装机师傅迟迟不上门', '查询工单进度，催单并给客户一个明确的上门时间'],
    ],
    faq: [
      {
        q: '光猫的灯变红了怎么办？',
        a: '红灯一般是光纤没信号。先看看光纤线有没有被折到，再拔掉光猫电源等30秒插回去；还不行就报修，我们安排师傅上门。',
      },
      { q: '移机要收费吗？', a: '同城移机一年内首次免费，之后每次收50元调测费。' },
      {
        q: '包年中途能退吗？',
        a: '可以提前解约，没用完的月份按比例退，但要扣除享受过的优惠差价，具体金额需要主管核算。',
      },
      { q: '断网期间月租会补偿吗？', a: '因我们的原因连续断网超过24小时的，按天减免月租。' },
    ],
    escalation: [
      '减免月租超过{waive}元',
      '退款超过{refund_high}元',
      '客户要求提前解约',
      '同一地址一周内第二次报修',
    ],
    sla: [
      '报修2小时内响应，城区24小时内上门；主管审批{hours}小时内回复',
      '电话即时响应；故障工单{hours}小时内联系客户，48小时内修复',
    ],
    limits: [
      { waive: 30, refund_low: 20, refund_high: 300, hours: 2 },
      { waive: 50, refund_low: 50, refund_high: 500, hours: 4 },
    ],
    api_interfaces: {
      user_broadband: getApi(
        '查询宽带套餐和账户状态',
        '/api/user/{user_id}/broadband',
        ['user_id'],
        ['plan', 'bandwidth', 'status', 'contract_end'],
      ),
      line_diagnosis: getApi(
        '查询线路诊断结果',
        '/api/user/{user_id}/broadband/diagnosis',
        ['user_id'],
        ['line_status', 'optical_power', 'last_offline'],
      ),
      user_billing: billing,
      repair_tickets: tickets,
    },
    permissions: {
      can_approve_immediately: [
        '减免月租<={waive}元',
        '退款<{refund_low}元',
        '重启光猫',
        '上门维修预约',
        '远程测速',
      ],
      requires_supervisor: ['减免月租>{waive}元', '提前解约', '退款{refund_low}-{refund_high}元'],
      requires_process: ['退款>{refund_high}元', '移机申请', '投诉处理'],
      forbidden: ['修改他人套餐', '泄露用户地址'],
    },
  },
  {
    category: 'ecommerce',
    name: '网购商城服务',
    brands: ['优选商城', '好物集', '百汇商城', '拾光优品'],
    description:
      '{brand}综合网购平台的售后服务，覆盖下单、支付、物流、退换货和价格保护，自营商品支持7天无理由退货。',
    features: ['自营商品7天无理由退货', '30天价格保护', '部分城市次日达', '退货运费险', '会员积分抵现'],
    issues: [
      ['快递好几天了还没到', '查询订单物流轨迹，联系快递催件，超时的按规则补偿积分'],
      ['收到的商品坏了', '请客户拍照上传，核实后安排换货或退款'],
      ['退货了钱还没退回来', '查询退款进度，告诉客户预计到账时间'],
      ['刚买完就降价了', '查询价保规则，在价保期内退差价'],
      ['发错货了', '核实订单后安排免费换货，上门取件'],
      ['优惠券用不了', '查询优惠券的使用门槛和有效期，向客户解释原因'],
    ],
    faq: [
      {
        q: '七天无理由从哪天开始算？',
        a: '从签收的第二天开始算7天，商品不能影响二次销售，贴身衣物和定制商品除外。',
      },
      { q: '退款多久到账？', a: '商家确认收到退货后原路退回，一般1到5个工作日。' },
      { q: '价保怎么申请？', a: '在订单详情里点「价格保护」，系统自动比价，差价退回原支付方式。' },
      { q: '运费险怎么理赔？', a: '退货完成后运费险自动理赔，赔付金额打到您的账户余额。' },
    ],
    escalation: [
      '单笔退款达到{refund}元及以上',
      '补偿积分达到{points}',
      '客户反映买到假货或商家欺诈',
      '同一订单三次以上售后仍未解决',
    ],
    sla: [
      '在线客服即时响应；售后申请24小时内审核；主管审批{hours}小时内回复',
      '电话即时响应；退款审核{hours}小时内完成；假货投诉3个工作日内给结论',
    ],
    limits: [
      { refund: 100, points: 500, price: 50, hours: 2 },
      { refund: 200, points: 1000, price: 100, hours: 4 },
      { refund: 300, points: 500, price: 100, hours: 2 },
    ],
    api_interfaces: {
      order_list: orders,
      order_logistics: getApi(
        '查询订单物流',
        '/api/user/{user_id}/orders/{order_id}/logistics',
        ['user_id', 'order_id'],
        ['logistics_status', 'tracking_number', 'traces'],
      ),
      refund_status: refunds,
      user_coupons: getApi('查询可用优惠券', '/api/user/{user_id}/coupons', ['user_id'], ['coupons']),
      user_profile: profile,
    },
    permissions: {
      can_approve_immediately: [
        '退款<{refund}元',
        '补偿积分<{points}',
        '退差价<={price}元',
        '安排换货',
        '催促发货',
      ],
      requires_supervisor: ['退款>={refund}元', '补偿积分>={points}', '退差价>{price}元'],
      requires_process: ['假货投诉', '赔偿申请', '投诉处理'],
      forbidden: ['透露其他用户信息', '泄露收货地址'],
    },
  },
  {
    category: 'bank_card',
    name: '信用卡服务',
    brands: ['星海银行', '民安银行', '恒通银行', '汇丰源银行'],
    description:
      '{brand}信用卡客服，处理账单查询、额度调整、分期、挂失补卡和年费等问题；办理任何业务前都要先核实持卡人身份。',
    features: [
      '最长50天免息期',
      '账单分期3、6、12期',
      '消费积分兑换礼品',
      '刷满6次免次年年费',
      '境外消费返现',
    ],
    issues: [
      ['账单上有不认识的消费', '查询交易明细，核对商户名称；确认不是本人消费的先冻结卡片，再走盗刷争议流程'],
      ['被扣了年费', '查询年费规则和本年刷卡次数，符合条件的在权限内减免'],
      ['晚还了一两天被收滞纳金', '查询还款记录，首次逾期且金额不大的在权限内减免'],
      ['想提高额度', '查询当前额度，临时额度在权限内调整，永久提额提交申请'],
      ['卡丢了', '立即挂失，安排补卡寄到账单地址'],
      ['分期手续费和想的不一样', '查询分期明细，解释费率和计算方法'],
    ],
    faq: [
      { q: '挂失后多久能收到新卡？', a: '一般5到7个工作日寄到账单地址，首次补卡免工本费。' },
      {
        q: '临时额度能用多久？',
        a: '一般30天有效，到期自动恢复原额度，用掉的临时额度要在当期全额还款。',
      },
      {
        q: '只还最低还款会影响征信吗？',
        a: '按时还了最低还款额不算逾期，不影响征信，但没还的部分要计利息。',
      },
      { q: '年费怎么免？', a: '一年内刷卡满6次，金额不限，就免次年年费。' },
    ],
    escalation: ['减免滞纳金超过{fee}元', '临时调额超过{credit}元', '疑似盗刷或电信诈骗', '客户要求销户'],
    sla: [
      '7×24小时电话服务；挂失即时生效；争议交易{process_days}个工作日内给调查结果',
      '电话即时响应；主管审批{hours}小时内回复；盗刷争议{process_days}个工作日内反馈',
    ],
    limits: [
      { fee: 50, credit: 5000, annual: 200, hours: 2, process_days: 15 },
      { fee: 100, credit: 10000, annual: 300, hours: 4, process_days: 10 },
    ],
    api_interfaces: {
      card_list: getApi('查询名下信用卡', '/api/user/{user_id}/cards', ['user_id'], ['cards', 'status']),
      card_transactions: getApi(
        '查询交易明细',
        '/api/user/{user_id}/transactions',
        ['user_id', 'date'],
        ['transactions', 'total'],
      ),
      credit_limit: getApi(
        '查询额度和账单日',
        '/api/user/{user_id}/credit',
        ['user_id'],
        ['credit_limit', 'available_credit', 'statement_date', 'due_date'],
      ),
      user_profile: profile,
    },
    permissions: {
      can_approve_immediately: [
        '挂失银行卡',
        '补寄对账单',
        '减免滞纳金<={fee}元',
        '临时调整额度<={credit}元',
        '减免年费<={annual}元',
      ],
      requires_supervisor: ['减免滞纳金>{fee}元', '临时调整额度>{credit}元', '减免年费>{annual}元'],
      requires_process: ['盗刷争议处理', '永久提额申请', '销户', '投诉处理'],
      forbidden: ['透露其他用户信息', '跳过身份核验'],
    },
  },
  {
    category: 'food_delivery',
    name: '外卖配送服务',
    brands: ['饭点外卖', '速达外卖', '美味到家', '小蜂外送'],
    description: '{brand}外卖平台的订单售后服务，处理超时送达、漏送错送、餐品洒漏、退款和红包补偿等问题。',
    features: ['准时宝：超时自动赔付', '30分钟极速达', '餐品安全封签', '会员每月无门槛红包', '骑手实时定位'],
    issues: [
      ['外卖超时很久还没到', '查询配送进度和骑手位置，联系骑手；超时的按准时宝规则赔付'],
      ['少送了一份餐', '核对订单内容，确认后退还漏送部分的金额'],
      ['餐洒了没法吃', '请客户拍照，核实后退款或重新配送'],
      ['骑手送错了地址', '查询送达记录，联系骑手取回或重新配送'],
      ['红包用不了', '查询红包的使用门槛、有效期和适用商家，向客户解释'],
      ['商家不同意退款', '平台介入核实，确属商家问题的由平台先行退款'],
    ],
    faq: [
      {
        q: '超时赔付怎么算？',
        a: '有准时宝的订单，超时15分钟以上自动赔红包，在「我的 - 红包」里能看到。',
      },
      { q: '退款多久到账？', a: '原路退回，零钱支付马上到账，银行卡1到3个工作日。' },
      { q: '可以指定骑手吗？', a: '暂时不能指定骑手，可以在备注里写清楚送餐要求。' },
      { q: '餐品有问题怎么申请售后？', a: '送达后24小时内在订单页点「申请售后」，上传照片就行。' },
    ],
    escalation: [
      '单笔退款达到{refund}元及以上',
      '涉及食品安全或吃后身体不适',
      '客户投诉骑手态度或人身安全问题',
    ],
    sla: [
      '在线客服即时响应；售后申请30分钟内处理；主管审批{hours}小时内回复',
      '电话即时响应；退款申请1小时内审核；食品安全投诉24小时内联系客户',
    ],
    limits: [
      { refund: 50, coupon: 10, hours: 1 },
      { refund: 100, coupon: 20, hours: 2 },
    ],
    api_interfaces: {
      order_list: orders,
      delivery_tracking: getApi(
        '查询配送进度',
        '/api/user/{user_id}/orders/{order_id}/delivery',
        ['user_id', 'order_id'],
        ['rider', 'eta', 'delivery_status'],
      ),
      user_coupons: getApi('查询红包和优惠券', '/api/user/{user_id}/coupons', ['user_id'], ['coupons']),
      refund_status: refunds,
    },
    permissions: {
      can_approve_immediately: ['退款<{refund}元', '补发红包<={coupon}元', '重新配送', '联系骑手'],
      requires_supervisor: ['退款>={refund}元', '补发红包>{coupon}元'],
      requires_process: ['食品安全投诉', '骑手投诉', '赔偿申请'],
      forbidden: ['透露骑手个人信息', '透露其他用户信息'],
    },
  },
  {
    category: 'travel',
    name: '机票酒店预订',
    brands: ['途悦旅行', '云游出行', '嘉程旅行', '远航商旅'],
    description: '{brand}的机票、酒店和火车票预订服务，处理改签、退票、酒店取消、行程变更和报销凭证等问题。',
    features: [
      '机票酒店一站式预订',
      '航班变动实时提醒',
      '部分房型免费取消',
      '退改费用透明',
      '电子行程单和发票',
    ],
    issues: [
      ['航班延误或取消了', '查询航班状态，协助免费改签或全额退票'],
      ['想退票但退票费太高', '查询票价规则，解释退改费用；因病等特殊情况按流程申请'],
      ['到了酒店却说没有房', '立即联系酒店核实订单，安排同级或更好的酒店，差价由平台承担'],
      ['行程单和发票开不出来', '查询订单状态，出行结束后在订单页申请'],
      ['乘机人名字拼错了', '查询订单，按航司规则更正姓名'],
      ['取消酒店被扣了钱', '查询房型的取消政策并解释；有争议的在权限内处理'],
    ],
    faq: [
      { q: '航班延误能退票吗？', a: '航司原因造成的延误或取消，可以免费退票或改签。' },
      {
        q: '酒店能免费取消吗？',
        a: '要看房型：标了「免费取消」的在规定时间前取消不收钱，标了「不可取消」的一般不退。',
      },
      { q: '报销凭证怎么开？', a: '机票在行程结束后开电子行程单，酒店发票在离店后到订单页申请。' },
      { q: '改签和退票哪个划算？', a: '一般改签费比退票费低，如果还要出行，建议先改签。' },
    ],
    escalation: [
      '退款或补偿达到{refund}元及以上',
      '客户已在机场或酒店现场，无法正常出行',
      '免费改签超过{changes}次',
      '涉及签证或出入境问题',
    ],
    sla: [
      '7×24小时电话服务；出行当天的问题15分钟内响应；主管审批{hours}小时内回复',
      '电话即时响应；退票申请{hours}小时内审核；退款7个工作日内原路到账',
    ],
    limits: [
      { refund: 200, changes: 1, hours: 1 },
      { refund: 300, changes: 1, hours: 2 },
      { refund: 500, changes: 2, hours: 2 },
    ],
    api_interfaces: {
      booking_list: getApi(
        '查询预订订单',
        '/api/user/{user_id}/bookings',
        ['user_id'],
        ['bookings', 'status'],
      ),
      flight_status: getApi(
        '查询航班动态',
        '/api/user/{user_id}/bookings/{booking_id}/flight',
        ['user_id', 'booking_id'],
        ['flight_no', 'departure_time', 'flight_status'],
      ),
      refund_status: refunds,
      user_profile: profile,
    },
    permissions: {
      can_approve_immediately: ['退款<{refund}元', '免费改签<={changes}次', '取消酒店订单', '补开行程单'],
      requires_supervisor: ['退款>={refund}元', '免费改签>{changes}次', '酒店差价补偿'],
      requires_process: ['特殊情况退票申请', '投诉处理', '赔偿申请'],
      forbidden: ['透露其他旅客信息', '伪造报销凭证'],
    },
  },
  {
    category: 'smart_device',
    name: '智能家居设备',
    brands: ['极光智家', '小禾智能', '青鸟智联', '蓝鲸家居'],
    description:
      '{brand}智能家居设备（智能音箱、摄像头、扫地机器人、智能门锁）的售后服务，包括联网设置、固件升级、保修和维修。',
    features: ['整机保修1年', 'App远程控制', '固件自动升级', '签收7天无理由退货', '15天内性能故障换新'],
    issues: [
      ['设备连不上WiFi', '确认连的是2.4G网络，指导重置设备后重新配网'],
      ['摄像头总是离线', '查询设备在线记录和固件版本，建议升级固件、调整路由器位置'],
      ['扫地机器人不充电', '远程诊断，指导清洁充电触片；无效的在保修内换新'],
      ['智能门锁没电打不开', '指导用应急电源或机械钥匙开门，再更换电池'],
      ['过了保修期坏了', '查询保修状态，说明付费维修的价格和流程'],
      ['设备被别人绑定了', '核实购买凭证，走解绑申请流程'],
    ],
    faq: [
      { q: '保修期多久？', a: '整机保修1年，电池保修6个月，从签收那天算起。' },
      {
        q: '设备只支持2.4G WiFi吗？',
        a: '是的，大部分设备只支持2.4G，双频路由器需要把两个频段分开，或者打开兼容模式。',
      },
      { q: '摄像头录像能存多久？', a: '存储卡循环覆盖；云存储按套餐保存7天或30天。' },
      { q: '换新还是维修？', a: '签收15天内出现性能故障可以直接换新，之后在保修期内免费维修。' },
    ],
    escalation: [
      '保修期外要求免费维修',
      '退款达到{refund}元及以上',
      '设备发热、冒烟等安全隐患',
      '门锁打不开且客户被锁在门外',
    ],
    sla: [
      '电话即时响应；维修工单{hours}小时内联系客户；寄修5个工作日内修好寄回',
      '7×24小时热线；安全隐患报告1小时内响应；主管审批{hours}小时内回复',
    ],
    limits: [
      { refund: 200, part: 50, hours: 4 },
      { refund: 300, part: 100, hours: 2 },
    ],
    api_interfaces: {
      device_list: getApi(
        '查询名下设备',
        '/api/user/{user_id}/devices',
        ['user_id'],
        ['devices', 'online_status'],
      ),
      device_warranty: getApi(
        '查询设备保修状态',
        '/api/user/{user_id}/devices/{device_id}/warranty',
        ['user_id', 'device_id'],
        ['warranty_until', 'warranty_status'],
      ),
      repair_tickets: tickets,
      user_profile: profile,
    },
    permissions: {
      can_approve_immediately: ['退款<{refund}元', '远程诊断', '保修期内维修预约', '寄送配件<={part}元'],
      requires_supervisor: ['退款>={refund}元', '寄送配件>{part}元', '保修期外免费维修', '延长保修'],
      requires_process: ['设备安全隐患报告', '解绑设备申请', '投诉处理'],
      forbidden: ['远程查看用户摄像头画面', '透露其他用户信息'],
    },
  },
];
