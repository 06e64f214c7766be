import type { MethodologyName } from '../domain/methodology.js';

/** Spoken material for one methodology. */
export interface MethodologyWording {
  /** Phrasing alternatives per step key of METHODOLOGY_STEPS; one is picked per operator. */
  steps: Readonly<Record<string, readonly string[]>>;
  /** Questions this methodology leans on, mixed with the common ones. */
  discovery: readonly string[];
  /** How many discovery questions an operator lists. */
  discoveryCount: readonly [min: number, max: number];
  empathy: readonly string[];
  /** `{hours}` is filled with a promised time. */
  closings: readonly string[];
}

/** A variant's character: added to the base material, and named in the operator's name. */
export interface OperatorFlavour {
  label: string;
  greetingAddon: string;
  empathy: readonly string[];
  objection: readonly [situation: string, approach: string];
}

/** Everything the operator generator needs for one language. */
export interface OperatorWording {
  /** `{m}` is the methodology, `{flavour}` the variant's label. */
  baseName: string;
  variantName: string;
  agents: readonly string[];
  /** `{agent}` and `{no}` (a four-digit work number) are filled. */
  greetings: readonly string[];
  discovery: readonly string[];
  objections: ReadonlyArray<readonly [situation: string, approach: string]>;
  methodologies: Readonly<Record<MethodologyName, MethodologyWording>>;
  flavours: readonly OperatorFlavour[];
}

export const OPERATOR_WORDING_ZH: OperatorWording = {
  baseName: '{m}策略',
  variantName: '{m}策略-{flavour}',
  agents: ['小王', '小李', '小陈', '小林', '小张', '小周', '小吴', '小刘', '小杨', '小赵'],
  greetings: [
    '您好，客服中心，我是{agent}，工号{no}，请问有什么可以帮您？',
    '您好，很高兴为您服务，我是{agent}，您请讲。',
    '您好，欢迎来电，我是客服{agent}，请问怎么称呼您？',
    '您好，这里是客户服务热线，我是{agent}，请问遇到什么问题了？',
    '您好，我是客服{agent}，工号{no}，请问今天有什么需要？',
  ],
  discovery: [
    '请问是哪个账号或手机号遇到的问题？',
    '大概是什么时候发现的？',
    '您手机上显示的服务名称是什么？',
    '扣费的金额是多少，是哪天扣的？',
    '之前有没有联系过我们处理这个问题？',
    '您希望我们怎么帮您处理？',
  ],
  objections: [
    ['要求马上退全款', '先说明退款权限和到账时效，能当场办的先办，超出的报主管'],
    ['情绪激动、骂人', '不争辩，先安抚情绪，等客户说完再确认诉求'],
    ['要求找领导', '说明可以登记并申请主管回电，告知预计回复时间，不推诿'],
    ['质疑系统查询结果', '把查到的时间、金额、服务名逐条念给客户核对，请客户提供截图'],
    ['说要投诉到12315或曝光', '尊重客户的权利，同时说明现在就能处理的部分，并登记投诉工单'],
    ['要求透露其他人的信息', '明确告知为保护隐私不能提供，建议本人来电或走正规渠道'],
    ['说不出服务的准确名称', '不认定客户说错，先问手机上显示的名称或扣费短信，再对照系统'],
    ['要求额外补偿', '在权限内给可行的补偿，超出的说明需要审批，不当场许诺'],
    ['反复问同一个问题', '换一种说法再解释一遍，必要时把要点用短信发给客户'],
    ['自称内部员工要求特殊处理', '礼貌说明所有操作都按统一的权限和流程办理'],
  ],
  methodologies: {
    HEAR: {
      steps: {
        hear: ['让客户把话说完，不打断，记下账号、时间和金额', '认真听，把关键信息复述一遍确认'],
        empathize: ['说出客户的感受，比如"莫名被扣费确实让人着急"', '站在客户角度回应情绪，不急着解释'],
        apologize: ['为给客户带来的麻烦真诚道歉，不推卸责任', '先道歉再说原因，不说"这是系统问题"'],
        resolve: [
          '先查系统核实，再在权限内给方案；超出权限的说明流程和时限',
          '给出具体方案和时间，确认客户是否接受',
        ],
      },
      discovery: ['我复述一下您的情况，您看我理解得对不对？'],
      discoveryCount: [3, 4],
      empathy: [
        '理解理解，换我也着急',
        '这事儿确实体验不好',
        '莫名其妙被扣钱，谁碰上都会不舒服',
        '真不好意思，给您添麻烦了',
        '您的心情我完全能理解',
        '让您专门打电话过来，真是抱歉',
      ],
      closings: [
        '还有别的能帮您的吗？那先这样，祝您生活愉快。',
        '问题已经帮您处理好了，之后有需要随时打过来，再见。',
      ],
    },
    LAST: {
      steps: {
        listen: ['耐心听完，复述一遍确认理解没错', '不打断，听清客户真正想要什么'],
        apologize: ['真诚道歉，先处理情绪再处理问题', '对客户的不便表示歉意，不找借口'],
        solve: ['查询系统后给出马上能做的方案', '在权限内当场解决，解决不了的说清下一步'],
        thank: ['感谢客户的反馈和耐心，确认满意后再结束', '谢谢客户给我们改进的机会'],
      },
      discovery: ['您最希望我们先帮您解决哪一件？'],
      discoveryCount: [3, 4],
      empathy: [
        '非常抱歉让您久等了',
        '实在不好意思，给您带来不便了',
        '这是我们没做好，我先跟您说声抱歉',
        '抱歉让您跑了好几趟',
        '您反映得对，这确实是我们的问题',
      ],
      closings: [
        '感谢您的耐心和理解，也谢谢您把问题反馈给我们，祝您生活愉快！',
        '谢谢您的来电，您的意见我们会认真改进，再见。',
      ],
    },
    LEARN: {
      steps: {
        listen: ['完整听客户描述，不急着下结论', '边听边记，抓住时间、账号和诉求'],
        empathize: ['回应客户的情绪，让客户知道我们理解', '用客户自己的话复述他的感受'],
        ask: ['用开放式问题问清时间、账号、现象和诉求', '追问细节，确认客户手机上看到的服务名称和扣费短信'],
        resolve: ['核实信息后在权限内解决，或转入对应流程', '给出方案，说明每个选项的结果'],
        notify: ['告诉客户处理结果、下一步和时间，以及会怎么通知他', '说明多久有结果，通过短信还是电话通知'],
      },
      discovery: [
        '方便具体说说当时是什么情况吗？',
        '是一直这样，还是最近才出现的？',
        '您是在App上还是网页上操作的？',
        '出现问题时有没有看到什么提示或者错误码？',
        '这个问题对您影响最大的是哪一点？',
      ],
      discoveryCount: [5, 6],
      empathy: [
        '我明白，您是担心钱被白扣了',
        '听得出来您挺着急的',
        '这个情况确实挺闹心的',
        '您先别着急，我们一起看看',
        '我理解您想尽快用上服务',
      ],
      closings: [
        '处理结果会在{hours}小时内短信通知您，有进展我也会主动回电。请问还有别的问题吗？',
        '工单号和处理进度我发到您手机上了，{hours}小时内会有结果，感谢您的来电。',
      ],
    },
  },
  flavours: [
    {
      label: '耐心型',
      greetingAddon: '您慢慢说，不着急。',
      empathy: ['没关系，您慢慢说，我听着呢', '这个不着急，我一步一步跟您说'],
      objection: ['老人听不清或听不懂', '放慢语速，一次只说一步，说完请客户复述确认'],
    },
    {
      label: '高效型',
      greetingAddon: '',
      empathy: ['明白，我马上帮您查', '好的，我先说结论'],
      objection: ['客户赶时间', '先给结论和时限，细节用短信发过去'],
    },
    {
      label: '安抚型',
      greetingAddon: '有什么不满意的地方您尽管说。',
      empathy: ['您的不满我都记下了，一定给您一个交代', '先消消气，这件事我跟进到底'],
      objection: ['多次来电还没解决', '先道歉，主动查之前的工单记录，承诺专人跟进并给出回电时间'],
    },
    {
      label: '专业型',
      greetingAddon: '方便的话先告诉我您的账号或手机号，我帮您查一下。',
      empathy: ['您描述得很清楚，这样排查起来快多了', '这个情况我们有排查办法，您配合我试一下'],
      objection: ['客户比客服还懂技术', '承认对方专业，直接进入排查步骤，不念标准话术'],
    },
    {
      label: '亲切型',
      greetingAddon: '有什么事您尽管说。',
      empathy: ['哎呀，这可真够麻烦的', '放心，交给我就好'],
      objection: ['客户犹豫不决', '把两三个选项的利弊讲清楚，让客户自己选'],
    },
  ],
};

export const OPERATOR_WORDING_EN: OperatorWording = {
  baseName: '{m} Strategy',
  variantName: '{m} Strategy - {flavour}',
  agents: ['Alex', 'Sam', 'Jamie', 'Taylor', 'Chris', 'Morgan'],
  greetings: [
    'Hi, thanks for calling customer support, this is {agent}. How can I help you today?',
    "Hello, you're through to {agent} in customer care. What can I do for you?",
    'Hi there, {agent} speaking, agent number {no}. What seems to be the problem?',
  ],
  discovery: [
    'Which account or phone number is this about?',
    'When did you first notice it?',
    'What does the service show up as on your phone or bank statement?',
    'How much was the charge, and on what date?',
    'Have you contacted us about this before?',
    'What would you like us to do for you?',
  ],
  objections: [
    [
      'Demands a full refund right now',
      'Explain what I can approve and how long it takes; do that now, escalate the rest',
    ],
    ['Shouting or swearing', "Don't argue; let them finish, then confirm what they need"],
    ['Asks for a manager', 'Offer a supervisor callback with a time, never a brush-off'],
    [
      "Doesn't believe what the system shows",
      'Read back the dates, amounts and plan names one by one; ask for a screenshot',
    ],
    [
      "Asks for someone else's details",
      'Say clearly that privacy rules stop me; the account holder must call',
    ],
    [
      'Wants extra compensation',
      'Offer what is within my authority; anything more needs approval, no promises',
    ],
  ],
  methodologies: {
    HEAR: {
      steps: {
        hear: ['Let the caller finish without interrupting; note account, date and amount'],
        empathize: ['Name the feeling: "an unexpected charge is really frustrating"'],
        apologize: ["Apologise sincerely for the trouble; don't blame the system"],
        resolve: ['Check the system first, then offer what I can do; explain the process for the rest'],
      },
      discovery: ['Let me repeat that back to make sure I have it right, okay?'],
      discoveryCount: [3, 4],
      empathy: [
        'I completely understand, I would be worried too',
        "That's really not the experience we want for you",
        "I'm sorry you had to call us about this",
      ],
      closings: ['Is there anything else I can help with? Have a great day.'],
    },
    LAST: {
      steps: {
        listen: ['Listen all the way through and repeat the problem back'],
        apologize: ['Apologise first, then deal with the problem'],
        solve: ['Check the system and offer what I can do right now'],
        thank: ['Thank the caller for their patience and feedback before ending'],
      },
      discovery: ['What would you like us to sort out first?'],
      discoveryCount: [3, 4],
      empathy: [
        "I'm so sorry to keep you waiting",
        "I apologise for the inconvenience, that's on us",
        "You're right, we should have handled this better",
      ],
      closings: ['Thank you for your patience and for letting us know. Have a lovely day!'],
    },
    LEARN: {
      steps: {
        listen: ['Hear the whole story before drawing conclusions'],
        empathize: ['Acknowledge how the caller feels, in their own words'],
        ask: ['Ask open questions about dates, account, symptoms and what they want'],
        resolve: ['Verify, then fix it within authority or start the right process'],
        notify: ['Tell the caller the outcome, the next step, when, and how we will let them know'],
      },
      discovery: [
        'Could you walk me through what happened?',
        'Has it always been like this, or did it start recently?',
        'Were you using the app or the website?',
        'Did you see any error message or code?',
      ],
      discoveryCount: [5, 6],
      empathy: [
        'I can hear this has been stressful',
        "I get it, you just want to be sure you weren't charged for nothing",
        "Don't worry, let's look at it together",
      ],
      closings: [
        "You'll get a text with the result within {hours} hours, and I'll call if anything changes. Anything else?",
      ],
    },
  },
  flavours: [
    {
      label: 'Patient',
      greetingAddon: 'Take your time.',
      empathy: ["No rush at all, I'm listening"],
      objection: [
        'Caller struggles to hear or follow',
        'Slow down, one step at a time, ask them to repeat it back',
      ],
    },
    {
      label: 'Efficient',
      greetingAddon: '',
      empathy: ["Got it, I'm checking now"],
      objection: ['Caller is in a hurry', 'Give the answer and the timeline first, send the details by text'],
    },
    {
      label: 'Calming',
      greetingAddon: "Tell me what's gone wrong and I'll take care of it.",
      empathy: ["I hear you, and I'll see this through"],
      objection: [
        'Called several times already',
        'Apologise, pull up the earlier tickets, promise one owner and a callback time',
      ],
    },
  ],
};
