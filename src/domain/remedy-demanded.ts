/**
 * 这个你们咋个赔, 你们打算怎么补偿我, how are you going to make this right: asking how the
 * company will make a wrong good demands that it does; it is no how-to question (我怎么申请理赔,
 * 你们一般怎么处理 still are). 该咋个补就咋个补, 该赔多少赔多少: the remedy due, whatever it is,
 * demanded. Read by the permission engine and the built-in agent alike.
 */
export const DEMANDS_REMEDY =
  /(?:你们|你|您)[^,.!?;:，。？！]{0,3}?(?:怎么|咋|怎样|如何)个?(?:赔|补偿|负责)|该(?:咋|怎么|怎样|如何)个?(赔|补|退)(?:偿)?就(?:咋|怎么|怎样|如何)个?\1|该(赔|补|退)多少(?:就)?\2多少|\bhow (?:are|will|do) you (?:going to |gonna )?(?:make (?:this|it|that) right|compensate|make up for)\b/i;
