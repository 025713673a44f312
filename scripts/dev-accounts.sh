# Development accounts of the local chains (make run, make localnet-start and
# config.yml). These mnemonics are public: never hold real value with them.
# shellcheck disable=SC2034
VALIDATOR_MNEMONIC="allow burst average garlic cage sudden monitor tide high nasty puppy bachelor language lake iron absent gift service method project raccoon voice amateur scatter"
ALICE_MNEMONIC="height suffer obvious cargo frown fetch reopen video garment section ahead accuse tell print pencil puzzle cause front connect pass plate acoustic expire dress"
BOB_MNEMONIC="pool solar dice toe brand virtual miracle sunset talk coffee document notice emerge breeze install mansion father card oil course lab crop excite urban"
CAROL_MNEMONIC="brass olympic ritual lab combine ski indicate concert mixed amount flame pioneer this news infant sauce urban screen hungry derive lumber physical unique canal"
LOCALNET_MNEMONICS=(
  "neutral arctic crouch bamboo shop guess copy market sudden spirit cabbage abandon pretty action young recycle punch guard dignity setup tobacco install walk pulp"
  "oblige best battle there income deputy town erode before curtain problem result air refuse water leisure order crisp perfect song usual hurdle scatter flower"
  "outdoor eager hamster mule travel tooth apple enforce napkin shoulder script country custom three rhythm frame cliff real stadium gate uniform february explain race"
  "lunar spike section test perfect punch piano banana share humor universe tackle celery tumble piece drum drama stable spider lift lesson baby provide month"
)
