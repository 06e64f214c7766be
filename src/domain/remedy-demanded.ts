/**
 * 这个你们咋个赔, 你们打算怎么补偿我, how are you going to make this right: asking how the
 * company will make a wrong good demands that it does; it is no how-to question (我怎么申请理赔,
 * 你们一般怎么处理 still are). Read by the permission engine and the built-in agent alike.
 */
export const DEMANDS_REMEDY =
  /(?:你们|你|您)[^,.!?;:，。？！]{0,3}?(?:怎么|咋|怎样|如何)个?(?:赔|补偿|负责)|\bhow (?:are|will|do) you (?:going to |gonna )?(?:make (?:this|it|that) right|compensate|make up for)\b/i;
