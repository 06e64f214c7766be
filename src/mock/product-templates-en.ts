import { getApi, type ProductTemplate } from './product-template.js';

const profile = getApi(
  "Look up the caller's profile",
  '/api/user/{user_id}/profile',
  ['user_id'],
  ['name', 'level', 'status'],
);
const billing = getApi(
  'Look up billing transactions',
  '/api/user/{user_id}/billing',
  ['user_id', 'date'],
  ['transactions', 'total'],
);
const subscription = getApi(
  "Look up the caller's subscriptions",
  '/api/user/{user_id}/subscriptions',
  ['user_id'],
  ['subscriptions', 'status'],
);

/** English product templates: fewer categories than Chinese, same shape and rule syntax. */
export const PRODUCT_TEMPLATES_EN: readonly ProductTemplate[] = [
  {
    category: 'subscription',
    name: 'Premium Video Membership',
    brands: ['StarRiver', 'LimeTV', 'Orbit Play'],
    description:
      "{brand}'s video membership, billed monthly, quarterly or yearly. Members watch exclusive shows ad-free; auto-renewal is on by default and can be turned off any time in the app.",
    features: [
      'HD and 4K streaming',
      'Two screens at once',
      'Members-only shows and early releases',
      'Offline downloads',
      'Cancel auto-renewal any time',
    ],
    issues: [
      [
        "Doesn't recognise a charge",
        'Look up subscriptions and billing, then explain which plan the charge is for',
      ],
      [
        'Wants to stop auto-renewal',
        'Turn off auto-renewal within authority; the current period stays active',
      ],
      [
        'Paid but cannot watch members-only shows',
        'Check which account holds the membership; restore benefits',
      ],
      ['Cannot sign in', 'Verify identity, then reset the password'],
      ['Charged twice in one month', 'Check the transactions and refund a duplicate charge within authority'],
    ],
    faq: [
      {
        q: 'How do I turn off auto-renewal?',
        a: 'Open the app, go to Me > Membership > Auto-renewal and switch it off, or ask us to do it for you. You keep the membership until the end of the period.',
      },
      {
        q: 'How long does a refund take?',
        a: 'Refunds go back to the original payment method within 1 to 3 business days.',
      },
      { q: 'How many devices can I use?', a: 'Two screens can play at the same time.' },
      {
        q: 'Why is the renewal price higher?',
        a: 'The first-month offer covers the first period only; renewals are at the standard price, with a text reminder 3 days before.',
      },
    ],
    escalation: [
      'Refund of {$refund} or more',
      'Account closure requests',
      'Caller mentions a formal complaint',
    ],
    sla: [
      'Calls answered immediately; supervisor decisions within {hours} hours; complaint tickets within 48 hours',
    ],
    limits: [
      { refund: 50, days: 7, hours: 2 },
      { refund: 100, days: 7, hours: 2 },
    ],
    api_interfaces: { user_subscription: subscription, user_billing: billing, user_profile: profile },
    permissions: {
      can_approve_immediately: [
        'refund < {$refund}',
        'password reset',
        'cancel auto-renewal',
        'extend membership <= {days} days',
      ],
      requires_supervisor: ['refund >= {$refund}', 'extend membership > {days} days', 'account closure'],
      requires_process: ['complaint', 'compensation claim'],
      forbidden: ["disclose other customers' information"],
    },
  },
  {
    category: 'cloud_storage',
    name: 'Cloud Storage Plan',
    brands: ['ArkDrive', 'CloudNest', 'SkyVault'],
    description:
      "{brand}'s personal cloud storage: 5 GB free, with 200 GB and 2 TB paid plans. Photo backup, sync across devices and share links; deleted files stay in the bin for 30 days.",
    features: [
      'Automatic photo backup',
      'Sync across phone, tablet and computer',
      'Deleted files kept for 30 days',
      'Share links with passwords and expiry',
      'Family space for up to 5 people',
    ],
    issues: [
      [
        'Storage is full',
        'Check usage, suggest emptying the bin or upgrading; add temporary space within authority',
      ],
      [
        'Deleted a file by mistake',
        'Restore it from the bin within 30 days; otherwise file a data recovery request',
      ],
      ['Photo backup stopped', 'Check app permissions and the Wi-Fi-only setting; sign out and back in'],
      ['Account is locked', 'Verify identity, unlock the account and suggest a new password'],
    ],
    faq: [
      { q: 'How long are deleted files kept?', a: '30 days in the bin, then they are removed for good.' },
      {
        q: 'Will downgrading delete my files?',
        a: 'No, but you cannot upload while over quota; you have 90 days to tidy up or upgrade again.',
      },
      {
        q: 'Does backup use mobile data?',
        a: 'Only if you allow it in Settings; by default it waits for Wi-Fi.',
      },
    ],
    escalation: [
      'Refund of {$refund} or more',
      'Recovering data deleted more than 30 days ago',
      'Suspected account takeover',
    ],
    sla: ['Chat answered immediately; data recovery results within {process_days} business days'],
    limits: [
      { refund: 20, days: 14, gb: 50, process_days: 3 },
      { refund: 50, days: 14, gb: 100, process_days: 5 },
    ],
    api_interfaces: {
      user_storage: getApi(
        'Look up storage usage and plan',
        '/api/user/{user_id}/storage',
        ['user_id'],
        ['quota_gb', 'used_gb', 'plan'],
      ),
      user_subscription: subscription,
      user_billing: billing,
      user_profile: profile,
    },
    permissions: {
      can_approve_immediately: [
        'refund <= {$refund}',
        'extend trial <= {days} days',
        'temporary extra space <= {gb} GB',
        'unlock account',
      ],
      requires_supervisor: [
        'refund > {$refund}',
        'extend trial > {days} days',
        'temporary extra space > {gb} GB',
        'delete account',
      ],
      requires_process: ['data recovery request', 'complaint'],
      forbidden: ["share another user's files"],
    },
  },
  {
    category: 'broadband',
    name: 'Home Broadband',
    brands: ['CityFiber', 'LinkHome', 'Greenline Broadband'],
    description:
      "{brand}'s home fibre broadband: 300 Mbps, 500 Mbps and 1 Gbps plans, paid monthly or yearly, router and installation included, engineer visits for faults.",
    features: [
      'Fibre to the home, up to 1 Gbps',
      'Free installation',
      'Router included',
      'Fault reports 24/7',
    ],
    issues: [
      [
        'Speed is far below the plan',
        'Check the line and plan, run a remote speed test, book an engineer if needed',
      ],
      [
        'Connection dropped',
        'Check the line diagnosis, guide a router restart; give an estimate for area outages',
      ],
      [
        'Bill is higher than agreed',
        'Check the bill and plan, see whether a discount expired, credit within authority',
      ],
      ['Wants to leave early', 'Explain the contract term and early exit fee, pass to a supervisor'],
    ],
    faq: [
      {
        q: 'The router light is red. What do I do?',
        a: 'Red usually means no fibre signal: check the cable is not bent, unplug the router for 30 seconds, and call us if it stays red.',
      },
      {
        q: 'Do I get money back for an outage?',
        a: 'Outages over 24 hours caused by us are credited per day.',
      },
      {
        q: 'Can I move my line to a new address?',
        a: 'Yes, if the new address is covered; the first move each year is free.',
      },
    ],
    escalation: [
      'Bill credit over {$credit}',
      'Early contract exit',
      'Second fault report at one address in a week',
    ],
    sla: ['Fault reports answered within 2 hours; engineer visit within 24 hours in cities'],
    limits: [
      { credit: 10, refund: 200 },
      { credit: 20, refund: 300 },
    ],
    api_interfaces: {
      user_broadband: getApi(
        'Look up the broadband plan and account status',
        '/api/user/{user_id}/broadband',
        ['user_id'],
        ['plan', 'bandwidth', 'status', 'contract_end'],
      ),
      line_diagnosis: getApi(
        'Look up the line diagnosis',
        '/api/user/{user_id}/broadband/diagnosis',
        ['user_id'],
        ['line_status', 'optical_power', 'last_offline'],
      ),
      user_billing: billing,
    },
    permissions: {
      can_approve_immediately: ['bill credit <= {$credit}', 'restart router remotely', 'book engineer visit'],
      requires_supervisor: ['bill credit > {$credit}', 'early contract exit', 'refund <= {$refund}'],
      requires_process: ['refund > {$refund}', 'complaint'],
      forbidden: ["change another customer's plan", "disclose a customer's address"],
    },
  },
];
